// The app's write API over real HTTP, on a real (first empty) archive: imports by upload and by
// path, their progress and summary, cancel, one at a time, books and exports made and
// downloaded, and every
// write that must be refused (no token, another site, a cut-off upload) leaving nothing behind.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "afterglow/indexer/search.h"
#include "afterglow/pipeline/import_job.h"
#include "afterglow/store/archive.h"
#include "generator/export_generator.h"
#include "server/running_server.h"

namespace afterglow::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Percent-encodes every byte but letters, digits and -._~ (RFC 3986's unreserved characters).
std::string percent_encode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

// Everything in the archive's folder that is not the archive itself or its index: temporary
// uploads and books that were not cleaned up.
std::vector<std::string> leftovers(const fs::path& archive) {
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(archive.parent_path())) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(".afterglow-")) found.push_back(name);
  }
  return found;
}

class AppApi : public ::testing::Test {
 protected:
  void SetUp() override {
    platform::set_time_zone("Asia/Shanghai");
    scratch_ = std::make_unique<ScratchArchive>(std::vector<fs::path>{});
    {
      auto archive = store::Archive::open(archive_path(), store::Archive::Mode::read_write);
      indexer::update_indexes(*archive);  // as the app's first start does
    }
    server::ServerOptions options;
    options.archive = archive_path();
    options.threads = 4;
    options.app = true;
    server_ = std::make_unique<RunningServer>(options);
    token_ = server_->write_token();
    ASSERT_EQ(token_.size(), 32u);
  }
  void TearDown() override {
    server_.reset();
    scratch_.reset();
  }

  fs::path archive_path() const { return scratch_->path(); }
  httplib::Headers writer(httplib::Headers extra = {}) const {
    extra.emplace("X-Afterglow-Token", token_);
    return extra;
  }
  httplib::Result upload(const std::string& bytes, const std::string& name = "chatgpt-export.zip") {
    return server_->client().Post("/api/imports",
                                  writer({{"X-Afterglow-Filename", percent_encode(name)}}), bytes,
                                  "application/zip");
  }
  httplib::Result post_json(const std::string& path, const json& body,
                            httplib::Headers headers = {}) {
    return server_->client().Post(path.c_str(), writer(std::move(headers)), body.dump(),
                                  "application/json");
  }
  json get_json(const std::string& path) {
    auto r = server_->client().Get(path.c_str());
    EXPECT_TRUE(r) << path;
    if (!r) return {};
    EXPECT_EQ(r->status, 200) << path << ": " << r->body;
    return json::parse(r->body, nullptr, false);
  }
  // Polls a job until it is not running any more (at most a minute).
  json wait_for(const std::string& path) {
    json state;
    for (int i = 0; i < 1200; ++i) {
      state = get_json(path);
      if (state["state"] != "running") return state;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << path << " still running: " << state.dump();
    return state;
  }
  // Like get_json, for a state that may not exist yet: a 404 is an answer, not a failure.
  json poll_json(const std::string& path) {
    auto r = server_->client().Get(path.c_str());
    if (!r || r->status != 200) return {};
    return json::parse(r->body, nullptr, false);
  }
  size_t conversations() { return get_json("/api/conversations").size(); }

  std::unique_ptr<ScratchArchive> scratch_;
  std::unique_ptr<RunningServer> server_;
  std::string token_;
};

TEST_F(AppApi, AnUploadedExportIsImportedWithProgressAndTheImportSummary) {
  EXPECT_EQ(get_json("/api/app")["conversations"], 0);
  auto r = upload(read_file(example_export()));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 202) << r->body;
  const std::string id = json::parse(r->body)["id"];
  auto done = wait_for("/api/imports/" + id);
  ASSERT_EQ(done["state"], "done") << done.dump();
  EXPECT_EQ(done["phase"], "finished");
  EXPECT_EQ(done["fraction"], 1.0);
  EXPECT_EQ(done["conversations"], 8);
  EXPECT_EQ(done["messages"], done["summary"]["messages"]["total"]);
  EXPECT_EQ(done["messages"], 62);
  EXPECT_GT(done["indexed"].get<int64_t>(), int64_t{0});
  // The summary is the object `afterglow import --json` prints, naming the upload as the person
  // named it, not the temporary file it was received in.
  const auto& summary = done["summary"];
  EXPECT_EQ(summary["input"], "chatgpt-export.zip");
  EXPECT_EQ(summary["conversations"]["new"], 8);
  EXPECT_EQ(summary["attachments"]["stored"], 6);
  EXPECT_EQ(summary["sources"]["new"], 15);
  EXPECT_EQ(get_json("/api/imports/current")["id"], id);
  // Reading and searching see it at once; the temporary file is gone.
  EXPECT_EQ(conversations(), 8u);
  auto hits = get_json("/api/search?q=" + percent_encode("压力"));
  EXPECT_GT(hits["total"].get<int64_t>(), int64_t{0}) << hits.dump();
  EXPECT_TRUE(leftovers(archive_path()).empty());

  // The same export again changes nothing.
  auto again = upload(read_file(example_export()));
  ASSERT_EQ(again->status, 202);
  auto second = wait_for("/api/imports/" + json::parse(again->body)["id"].get<std::string>());
  EXPECT_EQ(second["summary"]["changed"], false);
  EXPECT_EQ(second["summary"]["conversations"]["unchanged"], 8);
}

TEST_F(AppApi, AnExportOnThisComputerIsImportedInPlace) {
  auto r = post_json("/api/imports", {{"path", example_export().string()}});
  ASSERT_EQ(r->status, 202) << r->body;
  auto done = wait_for("/api/imports/" + json::parse(r->body)["id"].get<std::string>());
  ASSERT_EQ(done["state"], "done") << done.dump();
  EXPECT_EQ(done["summary"]["input"], example_export().string());
  EXPECT_EQ(conversations(), 8u);

  auto missing = post_json("/api/imports", {{"path", "/no/such/export.zip"}});
  ASSERT_EQ(missing->status, 202);
  auto failed = wait_for("/api/imports/" + json::parse(missing->body)["id"].get<std::string>());
  EXPECT_EQ(failed["state"], "failed");
  EXPECT_EQ(failed["error"]["code"], "not_found");
  EXPECT_NE(failed["error"]["message"].get<std::string>().find("/no/such/export.zip"),
            std::string::npos);
}

TEST_F(AppApi, BadExportsFailWithACodeAndLeaveTheArchiveAsItWas) {
  const std::string before = read_file(archive_path());
  struct Case {
    std::string bytes, code;
  };
  std::string zip = read_file(example_export());
  for (const auto& [bytes, code] : std::vector<Case>{
           {"just some text, not an export\n", "not_a_zip"},
           {zip.substr(0, zip.size() / 2), "damaged_zip"},
           {"[{\"title\": \"cut off", "unreadable_json"},
       }) {
    SCOPED_TRACE(code);
    auto r = upload(bytes, "export.zip");
    ASSERT_EQ(r->status, 202) << r->body;
    auto failed = wait_for("/api/imports/" + json::parse(r->body)["id"].get<std::string>());
    EXPECT_EQ(failed["state"], "failed");
    EXPECT_EQ(failed["error"]["code"], code) << failed.dump();
    // The message names the file as uploaded, never the temporary folder.
    const std::string message = failed["error"]["message"];
    EXPECT_TRUE(message.starts_with("export.zip")) << message;
    EXPECT_EQ(message.find(".afterglow-upload-"), std::string::npos) << message;
    EXPECT_TRUE(leftovers(archive_path()).empty());
  }
  EXPECT_EQ(conversations(), 0u);
  EXPECT_EQ(read_file(archive_path()), before);
}

TEST_F(AppApi, WritesWithoutTheTokenFromAnotherSiteOrAsAFormAreRefused) {
  const std::string zip = read_file(example_export());
  auto client = server_->client();
  // No token; a wrong one; the right one from another site's page; a cross-site form post.
  EXPECT_EQ(client.Post("/api/imports", zip, "application/zip")->status, 403);
  EXPECT_EQ(client
                .Post("/api/imports", {{"X-Afterglow-Token", std::string(32, '0')}}, zip,
                      "application/zip")
                ->status,
            403);
  EXPECT_EQ(client
                .Post("/api/imports", writer({{"Origin", "http://attacker.example"}}), zip,
                      "application/zip")
                ->status,
            403);
  EXPECT_EQ(
      client
          .Post("/api/imports", writer({{"Sec-Fetch-Site", "cross-site"}}), zip, "application/zip")
          ->status,
      403);
  EXPECT_EQ(client
                .Post("/api/imports", {{"Origin", "http://attacker.example"}},
                      "path=" + percent_encode(example_export().string()),
                      "application/x-www-form-urlencoded")
                ->status,
            403);
  EXPECT_EQ(client.Post("/api/books", R"({"format":"single-file"})", "application/json")->status,
            403);
  // A rebinding attack's Host is refused before anything else.
  EXPECT_EQ(
      client
          .Post("/api/imports",
                writer({{"Host", "rebind.attacker.example:" + std::to_string(server_->port())}}),
                zip, "application/zip")
          ->status,
      403);
  // The page's own origin is welcome.
  auto own = client.Post(
      "/api/imports",
      writer({{"Origin", "http://" + server_->host()}, {"Sec-Fetch-Site", "same-origin"}}), zip,
      "application/zip");
  EXPECT_EQ(own->status, 202) << own->body;
  wait_for("/api/imports/" + json::parse(own->body)["id"].get<std::string>());
  EXPECT_EQ(conversations(), 8u);
  // Other methods and addresses answer 405; a big body on a small route 413 before it is read.
  EXPECT_EQ(client.Put("/api/imports", writer(), zip, "application/zip")->status, 405);
  EXPECT_EQ(client.Delete("/api/conversations", writer())->status, 405);
  EXPECT_EQ(post_json("/api/books", {{"title", std::string(100'000, 'x')}})->status, 413);
}

TEST_F(AppApi, AReadOnlyServerAcceptsNoWrite) {
  server::ServerOptions options;
  options.archive = archive_path();
  RunningServer reader(options);
  EXPECT_TRUE(reader.write_token().empty());
  auto r = reader.client().Post("/api/imports", {{"X-Afterglow-Token", token_}},
                                read_file(example_export()), "application/zip");
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(json::parse(reader.client().Get("/api/app")->body)["app"], false);
}

TEST_F(AppApi, AnUploadCutOffHalfWayLeavesNothingAndFreesTheImport) {
  const std::string zip = read_file(example_export());
  const std::string head =
      "POST /api/imports HTTP/1.1\r\nHost: " + server_->host() +
      "\r\nX-Afterglow-Token: " + token_ +
      "\r\nContent-Type: application/zip\r\nContent-Length: " + std::to_string(zip.size()) +
      "\r\n\r\n";
  // Half the body, then the connection closes.
  {
    RawConnection connection(server_->port());
    ASSERT_TRUE(connection.send(head + zip.substr(0, zip.size() / 2)));
    // While it is being received, the import is taken: a second one is refused.
    json current;
    // The job appears once the server has read the request's head, a moment after it was sent.
    for (int i = 0; i < 200; ++i) {
      current = poll_json("/api/imports/current");
      if (current.contains("phase") && current["phase"] == "upload") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_EQ(current["phase"], "upload");
    EXPECT_EQ(current["total_bytes"], zip.size());
    EXPECT_FALSE(leftovers(archive_path()).empty());  // the upload's folder, being written
    auto second = upload(zip);
    EXPECT_EQ(second->status, 409);
    EXPECT_EQ(json::parse(second->body)["error"]["code"], "busy");
  }
  json after;
  for (int i = 0; i < 400; ++i) {
    after = get_json("/api/imports/current");
    if (after["state"] != "running") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  EXPECT_EQ(after["state"], "failed") << after.dump();
  EXPECT_EQ(after["error"]["code"], "upload_interrupted");
  EXPECT_TRUE(leftovers(archive_path()).empty());
  EXPECT_EQ(conversations(), 0u);
  // The next import is accepted.
  auto next = upload(zip);
  ASSERT_EQ(next->status, 202);
  EXPECT_EQ(wait_for("/api/imports/" + json::parse(next->body)["id"].get<std::string>())["state"],
            "done");
}

TEST_F(AppApi, ACancelledImportLeavesTheArchiveAsItWas) {
  const fs::path big = archive_path().parent_path() / "big.zip";
  bench::GeneratorOptions generator;
  generator.seed = 11;
  generator.target_json_bytes = 40'000'000;  // long enough to be cancelled while stored
  generator.zip_path = big;
  bench::generate_export(generator);
  const std::string before = read_file(archive_path());

  auto r = post_json("/api/imports", {{"path", big.string()}});
  ASSERT_EQ(r->status, 202);
  const std::string id = json::parse(r->body)["id"];
  json state;
  for (int i = 0; i < 2000; ++i) {
    state = get_json("/api/imports/" + id);
    if (state["phase"] == "storing" && state["conversations"].get<int64_t>() > int64_t{0}) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_EQ(state["phase"], "storing") << state.dump();
  EXPECT_TRUE(state["cancellable"].get<bool>());
  auto cancel = server_->client().Delete(("/api/imports/" + id).c_str(), writer());
  EXPECT_EQ(cancel->status, 202) << cancel->body;
  auto end = wait_for("/api/imports/" + id);
  EXPECT_EQ(end["state"], "cancelled") << end.dump();
  EXPECT_EQ(end["error"]["code"], "cancelled");
  EXPECT_EQ(conversations(), 0u);
  EXPECT_EQ(read_file(archive_path()), before);
  // Cancelling what has ended says so.
  EXPECT_EQ(server_->client().Delete(("/api/imports/" + id).c_str(), writer())->status, 409);
  EXPECT_EQ(server_->client().Delete("/api/imports/0123456789abcdef", writer())->status, 404);
}

TEST_F(AppApi, ABookIsMadeAndDownloadedInEachFormat) {
  auto imported = post_json("/api/imports", {{"path", example_export().string()}});
  wait_for("/api/imports/" + json::parse(imported->body)["id"].get<std::string>());

  auto r = post_json("/api/books", {{"title", "我和 4o 的那些年"},
                                    {"dedication", "For the nights I could not sleep"},
                                    {"query", "model:gpt-4o"},
                                    {"format", "single-file"}});
  ASSERT_EQ(r->status, 202) << r->body;
  const std::string id = json::parse(r->body)["id"];
  auto done = wait_for("/api/books/" + id);
  ASSERT_EQ(done["state"], "done") << done.dump();
  EXPECT_EQ(done["summary"]["conversations"], 6);
  EXPECT_EQ(done["filename"], "我和 4o 的那些年.html");
  ASSERT_EQ(done["download"], "/api/books/" + id + "/download");
  auto file = server_->client().Get(done["download"].get<std::string>().c_str());
  ASSERT_EQ(file->status, 200);
  // The name as sent (the client would decode it): RFC 5987's UTF-8 form beside a plain one.
  const std::string raw =
      server_->raw("GET " + done["download"].get<std::string>() +
                   " HTTP/1.1\r\nHost: " + server_->host() + "\r\nConnection: close\r\n\r\n");
  EXPECT_NE(raw.find("Content-Disposition: attachment; filename=\"afterglow-book.html\"; "
                     "filename*=UTF-8''" +
                     percent_encode("我和 4o 的那些年.html") + "\r\n"),
            std::string::npos)
      << raw.substr(0, 600);
  EXPECT_NE(file->body.find("我和 4o 的那些年"), std::string::npos);
  EXPECT_NE(file->body.find("For the nights I could not sleep"), std::string::npos);
  EXPECT_NE(file->body.find("工作压力和睡不着"), std::string::npos);

  auto folder = post_json("/api/books", {{"format", "folder"}, {"from", "2024-04"}});
  ASSERT_EQ(folder->status, 202) << folder->body;
  auto zipped = wait_for("/api/books/" + json::parse(folder->body)["id"].get<std::string>());
  ASSERT_EQ(zipped["state"], "done") << zipped.dump();
  auto zip = server_->client().Get(zipped["download"].get<std::string>().c_str());
  EXPECT_TRUE(zip->body.starts_with("PK\x03\x04"));
  EXPECT_NE(zip->body.find("index.html"), std::string::npos);
  EXPECT_EQ(zip->get_header_value("Content-Type"), "application/zip");
}

TEST_F(AppApi, ABookThatCannotBeMadeSaysWhy) {
  auto imported = post_json("/api/imports", {{"path", example_export().string()}});
  wait_for("/api/imports/" + json::parse(imported->body)["id"].get<std::string>());
  auto job = [&](const json& options) {
    auto r = post_json("/api/books", options);
    if (r->status != 202) return json::parse(r->body)["error"];
    return wait_for("/api/books/" + json::parse(r->body)["id"].get<std::string>())["error"];
  };
  EXPECT_EQ(job({{"format", "single-file"}, {"query", "(unclosed"}})["code"], "bad_query");
  EXPECT_EQ(job({{"format", "single-file"}, {"query", "zzzzqqqq-nowhere"}})["code"],
            "nothing_selected");
  EXPECT_EQ(job({{"format", "single-file"}, {"from", "last spring"}})["code"], "bad_date");
  EXPECT_EQ(job({{"format", "scroll"}})["code"], "bad_request");
  EXPECT_EQ(job({{"title", 42}})["code"], "bad_request");
  EXPECT_TRUE(leftovers(archive_path()).empty());
}

TEST_F(AppApi, ExportsAreMadeAndDownloadedAsAZipOrTheFile) {
  auto imported = post_json("/api/imports", {{"path", example_export().string()}});
  wait_for("/api/imports/" + json::parse(imported->body)["id"].get<std::string>());

  auto r = post_json("/api/exports", {{"format", "markdown"}, {"query", "model:gpt-4o"}});
  ASSERT_EQ(r->status, 202) << r->body;
  const std::string id = json::parse(r->body)["id"];
  auto done = wait_for("/api/exports/" + id);
  ASSERT_EQ(done["state"], "done") << done.dump();
  EXPECT_EQ(done["summary"]["conversations"], 6);
  EXPECT_EQ(done["filename"], "afterglow-markdown.zip");
  auto zip = server_->client().Get(done["download"].get<std::string>().c_str());
  ASSERT_EQ(zip->status, 200);
  EXPECT_TRUE(zip->body.starts_with("PK\x03\x04"));
  EXPECT_NE(zip->body.find("工作压力和睡不着.md"), std::string::npos) << "a note named in Chinese";
  EXPECT_EQ(zip->get_header_value("Content-Type"), "application/zip");
  EXPECT_NE(zip->get_header_value("Content-Disposition").find("attachment"), std::string::npos);

  // A one-file format is downloaded as that file; the packet takes its size.
  auto jsonl = post_json("/api/exports", {{"format", "jsonl"}});
  auto lines = wait_for("/api/exports/" + json::parse(jsonl->body)["id"].get<std::string>());
  ASSERT_EQ(lines["state"], "done") << lines.dump();
  EXPECT_EQ(lines["filename"], "afterglow-jsonl.jsonl");
  auto file = server_->client().Get(lines["download"].get<std::string>().c_str());
  EXPECT_EQ(static_cast<long long>(std::count(file->body.begin(), file->body.end(), '\n')),
            lines["summary"]["messages"].get<long long>());
  auto packet = post_json("/api/exports", {{"format", "packet"}, {"budget", 3000}});
  auto made = wait_for("/api/exports/" + json::parse(packet->body)["id"].get<std::string>());
  ASSERT_EQ(made["state"], "done") << made.dump();
  auto packed = server_->client().Get(made["download"].get<std::string>().c_str());
  EXPECT_NE(packed->body.find("packet.json"), std::string::npos);
  EXPECT_NE(packed->body.find("README.md"), std::string::npos);

  // Only three finished exports wait to be downloaded; nothing else is left beside the archive.
  server_.reset();
  EXPECT_TRUE(leftovers(archive_path()).empty());
}

TEST_F(AppApi, AnExportThatCannotBeMadeSaysWhyAndLeavesNothing) {
  auto imported = post_json("/api/imports", {{"path", example_export().string()}});
  wait_for("/api/imports/" + json::parse(imported->body)["id"].get<std::string>());
  auto job = [&](const json& options) {
    auto r = post_json("/api/exports", options);
    if (r->status != 202) return json::parse(r->body)["error"];
    return wait_for("/api/exports/" + json::parse(r->body)["id"].get<std::string>())["error"];
  };
  EXPECT_EQ(job({{"format", "markdown"}, {"query", "(unclosed"}})["code"], "bad_query");
  EXPECT_EQ(job({{"format", "markdown"}, {"query", "zzzzqqqq-nowhere"}})["code"],
            "nothing_selected");
  EXPECT_EQ(job({{"format", "scroll"}})["code"], "bad_request");
  EXPECT_EQ(job({{"format", "packet"}, {"budget", 10}})["code"], "bad_request");
  EXPECT_EQ(job({{"format", "markdown"}, {"budget", 5000}})["code"], "bad_request");
  EXPECT_EQ(job({{"format", "markdown"}, {"lang", "fr"}})["code"], "bad_request");
  EXPECT_TRUE(leftovers(archive_path()).empty());
  // Without the token an export is refused like any write.
  EXPECT_EQ(server_->client()
                .Post("/api/exports", R"({"format":"markdown"})", "application/json")
                ->status,
            403);
}

}  // namespace
}  // namespace afterglow::testing
