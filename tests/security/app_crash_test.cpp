// The app as a person starts it (`afterglow app`), in its own process: a second start finds the
// first instead of failing on a busy port, and a server killed in the middle of an import (an
// upload or a path) leaves the archive as it was; the next start removes what it left behind.
#include <httplib.h>

#include <chrono>
#include <csignal>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "security/child_process.h"
#include "security/security_support.h"

namespace afterglow::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct RunningApp {
  int port = 0;
  std::string token;
};

// Waits for the app's one line ("afterglow: running at http://127.0.0.1:PORT/ …"), then reads
// the write token its pages carry.
RunningApp wait_for_app(ChildProcess& app) {
  RunningApp found;
  const std::regex line(R"(running at http://127\.0\.0\.1:([0-9]+)/)");
  for (int i = 0; i < 400 && found.port == 0; ++i) {
    std::smatch match;
    const std::string out = app.out();
    if (std::regex_search(out, match, line)) found.port = std::stoi(match[1]);
    if (found.port == 0) std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  EXPECT_NE(found.port, 0) << app.out() << app.err();
  if (found.port == 0) return found;
  httplib::Client client("127.0.0.1", found.port);
  auto page = client.Get("/");
  EXPECT_TRUE(page && page->status == 200);
  std::smatch match;
  const std::regex meta(R"re(<meta name="afterglow-token" content="([0-9a-f]{32})">)re");
  if (page && std::regex_search(page->body, match, meta)) found.token = match[1];
  EXPECT_EQ(found.token.size(), 32u) << (page ? page->body.substr(0, 800) : "");
  return found;
}

std::vector<std::string> leftovers(const fs::path& folder) {
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(".afterglow-")) found.push_back(name);
  }
  return found;
}

TEST(AppProcess, ASecondStartFindsTheRunningAppInsteadOfAnotherPort) {
  CliRunner cli;
  ChildProcess first(cli.archive(), {"app", "--no-browser", "--port", "0"}, cli.dir());
  auto app = wait_for_app(first);
  ASSERT_NE(app.port, 0);
  EXPECT_TRUE(fs::exists(cli.archive()));  // the first start made an empty archive
  auto second = cli.run({"app", "--no-browser"});
  EXPECT_EQ(second.status, 0) << second.err;
  EXPECT_NE(second.out.find("already running at http://127.0.0.1:" + std::to_string(app.port)),
            std::string::npos)
      << second.out;
  first.kill_now();
  first.wait();
}

TEST(AppProcess, KilledDuringAnImportTheArchiveIsAsItWasAndNothingStaysBehind) {
  CliRunner cli;
  const fs::path big = cli.dir() / "big.zip";
  generated_export(big, 5, 30'000'000);
  const std::string zip = read_file(big);

  // Killed while an upload is being received.
  {
    ChildProcess process(cli.archive(), {"app", "--no-browser", "--port", "0"}, cli.dir());
    auto app = wait_for_app(process);
    ASSERT_FALSE(app.token.empty());
    const std::string before = archive_fingerprint(cli.archive());
    std::thread sender([&] {
      httplib::Client client("127.0.0.1", app.port);
      client.Post("/api/imports", {{"X-Afterglow-Token", app.token}}, zip, "application/zip");
    });
    for (int i = 0; i < 400 && leftovers(cli.dir()).empty(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    EXPECT_FALSE(leftovers(cli.dir()).empty());  // the upload, half received
    process.kill_now();
    process.wait();
    sender.join();
    EXPECT_EQ(archive_fingerprint(cli.archive()), before);
  }
  // Killed while a path import is being stored; the next start cleans up the earlier upload.
  {
    ChildProcess process(cli.archive(), {"app", "--no-browser", "--port", "0"}, cli.dir());
    auto app = wait_for_app(process);
    EXPECT_TRUE(leftovers(cli.dir()).empty());
    httplib::Client client("127.0.0.1", app.port);
    auto started = client.Post("/api/imports", {{"X-Afterglow-Token", app.token}},
                               json{{"path", big.string()}}.dump(), "application/json");
    ASSERT_TRUE(started && started->status == 202);
    const std::string id = json::parse(started->body)["id"];
    for (int i = 0; i < 1000; ++i) {
      auto state = json::parse(client.Get(("/api/imports/" + id).c_str())->body);
      if (state["phase"] == "storing" && state["conversations"].get<int64_t>() > 10) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    process.kill_now();
    process.wait();
  }
  auto verify = cli.run({"verify"});
  EXPECT_EQ(verify.status, 0) << verify.out << verify.err;
  EXPECT_EQ(cli.run({"list", "--json"}).out, "[]\n");
  // What a finished import brings is still what the CLI brings.
  auto imported = cli.run({"import", big.string()});
  EXPECT_EQ(imported.status, 0) << imported.err;
}

// A disk that fills up (a file size limit, as disk_failure_test.cpp does for the CLI) while an
// upload is received or an import is stored: the job fails with disk_full, which the page says
// in words, the archive is as it was and nothing is left behind.
TEST(AppProcess, AFullDiskFailsTheImportWithDiskFullAndChangesNothing) {
  CliRunner cli;
  ASSERT_EQ(cli.run({"import", example_export()}).status, 0);
  const fs::path big = cli.dir() / "big.zip";
  generated_export(big, 9, 20'000'000);
  const std::string before = archive_fingerprint(cli.archive());
  ChildOptions limited;
  limited.max_file_bytes = 2'000'000;  // above the archive of the example, below the export (5 MB)
  ChildProcess process(cli.archive(), {"app", "--no-browser", "--port", "0"}, cli.dir(), limited);
  auto app = wait_for_app(process);
  ASSERT_FALSE(app.token.empty());
  httplib::Client client("127.0.0.1", app.port);
  client.set_read_timeout(60, 0);
  auto wait = [&](const std::string& id) {
    json state;
    for (int i = 0; i < 1200; ++i) {
      state = json::parse(client.Get(("/api/imports/" + id).c_str())->body);
      if (state["state"] != "running") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return state;
  };

  // The server stops reading when the disk is full and answers at once; the client may still be
  // sending (then its write fails), so the answer is read from the job as well.
  signal(SIGPIPE, SIG_IGN);
  auto upload = client.Post("/api/imports", {{"X-Afterglow-Token", app.token}}, read_file(big),
                            "application/zip");
  if (upload) {
    EXPECT_EQ(upload->status, 400) << upload->body;
    EXPECT_EQ(json::parse(upload->body)["error"]["code"], "disk_full") << upload->body;
  }
  auto received = wait("current");
  EXPECT_EQ(received["state"], "failed");
  EXPECT_EQ(received["error"]["code"], "disk_full") << received.dump();
  EXPECT_TRUE(leftovers(cli.dir()).empty());

  auto by_path = client.Post("/api/imports", {{"X-Afterglow-Token", app.token}},
                             json{{"path", big.string()}}.dump(), "application/json");
  ASSERT_TRUE(by_path && by_path->status == 202);
  auto failed = wait(json::parse(by_path->body)["id"]);
  EXPECT_EQ(failed["state"], "failed");
  EXPECT_EQ(failed["error"]["code"], "disk_full") << failed.dump();
  process.kill_now();
  process.wait();
  EXPECT_EQ(archive_fingerprint(cli.archive()), before);
}

}  // namespace
}  // namespace afterglow::testing
