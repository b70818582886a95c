// afterglow-search-latency: how long `afterglow search` takes inside the process, per query, with
// the same options as the command (20 hits, 3 per conversation; facets only with --facets, as
// `search --json` and `afterglow serve` count them). Each measured query opens the archive and
// the engine's index as the command does.
//   --mode warm: every query once to fill the caches, then --runs rounds over all queries.
//   --mode cold: before each query the archive and index files are dropped from the page cache
//                (posix_fadvise DONTNEED: only these files, nothing else on the machine).
// Queries come one per line from --queries. Prints one JSON object: {"engine", "mode",
// "queries": [{"query", "hits", "total", "ms": [...]}]}.
#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "afterglow/indexer/search.h"

namespace {

namespace fs = std::filesystem;
using afterglow::indexer::Engine;

void evict(const fs::path& file) {
  int fd = ::open(file.c_str(), O_RDONLY);
  if (fd < 0) return;
  ::fdatasync(fd);
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
  ::close(fd);
}

void evict_archive(const fs::path& archive) {
  for (const char* suffix : {"", "-wal", "-shm"}) evict(archive.string() + suffix);
  const fs::path xapian = afterglow::indexer::xapian_path(archive);
  if (fs::is_directory(xapian)) {
    // Recursive: the index is a folder of shard folders.
    for (const auto& entry : fs::recursive_directory_iterator(xapian)) {
      if (entry.is_regular_file()) evict(entry.path());
    }
  }
}

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

struct Measured {
  double ms = 0;
  size_t hits = 0;
  int64_t total = 0;
};

Measured run_one(const fs::path& archive_path, const std::string& query,
                 const afterglow::indexer::SearchOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  auto archive =
      afterglow::store::Archive::open(archive_path, afterglow::store::Archive::Mode::read_only);
  auto results = afterglow::indexer::search(*archive, query, options);
  Measured m;
  m.ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  m.hits = results.hits.size();
  m.total = results.total;
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Search latency of an afterglow archive, per query"};
  std::string archive, queries_file, engine = "xapian", mode = "warm";
  int runs = 5;
  bool facets = false;
  app.add_option("--archive", archive, "The archive")->required();
  app.add_option("--queries", queries_file, "Queries, one per line")->required();
  app.add_option("--engine", engine, "xapian or fts5");
  app.add_option("--mode", mode, "warm or cold");
  app.add_option("--runs", runs, "Measured rounds over all queries");
  app.add_flag("--facets", facets, "Count matches by model and year, as --json and serve do");
  CLI11_PARSE(app, argc, argv);

  std::vector<std::string> queries;
  std::ifstream in(queries_file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) queries.push_back(line);
  }
  afterglow::indexer::SearchOptions options;
  options.engine = engine == "fts5" ? Engine::fts5 : Engine::xapian;
  options.limit = 20;
  options.per_conversation = 3;
  options.facets = facets;

  std::vector<std::vector<Measured>> measured(queries.size());
  try {
    if (mode == "cold") {
      for (int round = 0; round < runs; ++round) {
        for (size_t i = 0; i < queries.size(); ++i) {
          evict_archive(archive);
          measured[i].push_back(run_one(archive, queries[i], options));
        }
      }
    } else {
      for (const auto& q : queries) run_one(archive, q, options);
      for (int round = 0; round < runs; ++round) {
        for (size_t i = 0; i < queries.size(); ++i) {
          measured[i].push_back(run_one(archive, queries[i], options));
        }
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "afterglow-search-latency: " << e.what() << "\n";
    return 1;
  }

  std::cout << "{\"engine\": " << json_string(engine) << ", \"mode\": " << json_string(mode)
            << ", \"queries\": [";
  for (size_t i = 0; i < queries.size(); ++i) {
    if (i) std::cout << ", ";
    std::cout << "{\"query\": " << json_string(queries[i])
              << ", \"hits\": " << (measured[i].empty() ? 0 : measured[i].back().hits)
              << ", \"total\": " << (measured[i].empty() ? 0 : measured[i].back().total)
              << ", \"ms\": [";
    for (size_t k = 0; k < measured[i].size(); ++k) {
      if (k) std::cout << ", ";
      std::cout << measured[i][k].ms;
    }
    std::cout << "]}";
  }
  std::cout << "]}\n";
  return 0;
}
