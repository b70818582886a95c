// afterglow-serve-load: search requests per second and latency percentiles of a running
// `afterglow serve`, from several keep-alive connections on loopback, for a bounded time.
//   afterglow-serve-load --port 8080 --seconds 10 --connections 8
// Used by bench/serve_load.sh, which builds the 20,000-conversation archive and starts the
// server. Queries mix Chinese and English words, phrases and fields, as people search.
#include <httplib.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// Percent-encoded query strings ("压力" is %E5%8E%8B%E5%8A%9B).
const std::vector<std::string> kQueries = {
    "%E5%8E%8B%E5%8A%9B",       // 压力
    "%E7%9D%A1%E7%9C%A0",       // 睡眠
    "%E6%97%85%E8%A1%8C",       // 旅行
    "%E5%A6%88%E5%A6%88",       // 妈妈
    "%E5%AD%A6%E4%B9%A0+plan",  // 学习 plan
    "python",
    "recipe",
    "garden+tomatoes",
    "%22unit+test%22",        // "unit test"
    "model%3Agpt-4o+travel",  // model:gpt-4o travel
    "budget+after%3A2025",    // budget after:2025
    "has%3Acode+rust",        // has:code rust
    "deploy*",
    "music+OR+%E9%9F%B3%E4%B9%90",  // music OR 音乐
    "-python+code",
    "%E5%B7%A5%E4%BD%9C+%E5%8E%8B%E5%8A%9B",  // 工作 压力
};

struct Totals {
  std::vector<double> latencies_ms;
  int64_t errors = 0;
  std::map<std::string, int64_t> error_kinds;  // "HTTP 503", "connection: Read"...
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Load a running `afterglow serve` with concurrent searches and report rates."};
  std::string host = "127.0.0.1";
  int port = 8080;
  double seconds = 10;
  int connections = 8;
  std::string engine = "xapian";
  std::string path = "/api/search";
  app.add_option("--host", host, "Server address (default 127.0.0.1)");
  app.add_option("--port", port, "Server port")->required();
  app.add_option("--seconds", seconds, "How long to load it (default 10)")
      ->check(CLI::Range(0.5, 600.0));
  app.add_option("--connections", connections, "Concurrent keep-alive connections (default 8)")
      ->check(CLI::Range(1, 256));
  app.add_option("--engine", engine, "xapian (default) or fts5")
      ->check(CLI::IsMember({"xapian", "fts5"}));
  app.add_option("--path", path, "/api/search (default) or /search (the HTML page)")
      ->check(CLI::IsMember({"/api/search", "/search"}));
  CLI11_PARSE(app, argc, argv);

  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(seconds));
  std::mutex mutex;
  Totals all;
  std::vector<std::thread> workers;
  const auto started = Clock::now();
  for (int w = 0; w < connections; ++w) {
    workers.emplace_back([&, w] {
      httplib::Client client(host, port);
      client.set_keep_alive(true);
      client.set_url_encode(false);  // the queries are already encoded, '+' for spaces as forms do
      client.set_read_timeout(30, 0);
      Totals mine;
      for (size_t i = static_cast<size_t>(w); Clock::now() < deadline; ++i) {
        std::string url = path + "?q=" + kQueries[i % kQueries.size()] + "&engine=" + engine;
        auto t0 = Clock::now();
        auto result = client.Get(url.c_str());
        auto t1 = Clock::now();
        if (!result || result->status != 200) {
          ++mine.errors;
          ++mine.error_kinds[result ? "HTTP " + std::to_string(result->status) + " " + url
                                    : "connection: " + httplib::to_string(result.error())];
          continue;
        }
        mine.latencies_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
      }
      std::lock_guard lock(mutex);
      all.latencies_ms.insert(all.latencies_ms.end(), mine.latencies_ms.begin(),
                              mine.latencies_ms.end());
      all.errors += mine.errors;
      for (const auto& [kind, n] : mine.error_kinds) all.error_kinds[kind] += n;
    });
  }
  for (auto& t : workers) t.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();

  auto& l = all.latencies_ms;
  std::sort(l.begin(), l.end());
  auto at = [&](double q) {
    return l.empty()
               ? 0.0
               : l[std::min(l.size() - 1, static_cast<size_t>(q * static_cast<double>(l.size())))];
  };
  std::printf("%s engine=%s connections=%d seconds=%.1f\n", path.c_str(), engine.c_str(),
              connections, elapsed);
  std::printf("requests %zu  errors %lld  rate %.1f req/s\n", l.size(),
              static_cast<long long>(all.errors), static_cast<double>(l.size()) / elapsed);
  for (const auto& [kind, n] : all.error_kinds) {
    std::printf("  %lld x %s\n", static_cast<long long>(n), kind.c_str());
  }
  std::printf("latency ms  p50 %.2f  p90 %.2f  p99 %.2f  max %.2f\n", at(0.50), at(0.90), at(0.99),
              l.empty() ? 0.0 : l.back());
  return all.errors > 0 || l.empty() ? 1 : 0;
}
