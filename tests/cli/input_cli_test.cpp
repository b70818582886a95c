// End-to-end: every export layout, re-imports of newer exports, byte-exact originals, and bad
// input that must leave the archive exactly as it was.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/cli_runner.h"

namespace afterglow::testing {
namespace {

using nlohmann::json;

json run_json(const CliRunner& cli, const std::vector<std::string>& args) {
  auto r = cli.run(args);
  EXPECT_EQ(r.status, 0) << r.err;
  auto j = json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r.out;
  return j;
}

// Every member of a zip, by path, read with libarchive.
std::map<std::string, std::string> zip_members(const std::string& path) {
  std::map<std::string, std::string> out;
  archive* a = archive_read_new();
  archive_read_support_format_zip(a);
  EXPECT_EQ(archive_read_open_filename(a, path.c_str(), 1 << 16), ARCHIVE_OK);
  archive_entry* entry;
  while (archive_read_next_header(a, &entry) == ARCHIVE_OK) {
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    std::string data;
    char buf[1 << 16];
    la_ssize_t n;
    while ((n = archive_read_data(a, buf, sizeof buf)) > 0) data.append(buf, n);
    out[archive_entry_pathname(entry)] = data;
  }
  archive_read_free(a);
  return out;
}

TEST(InputCli, ExportOriginalGivesBackTheZipMembersByteForByte) {
  CliRunner cli;
  ASSERT_EQ(cli.run({"import", example_export()}).status, 0);
  auto out_dir = cli.dir() / "originals";
  auto r = cli.run({"export", "--original", out_dir.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  auto members = zip_members(example_export());
  ASSERT_GT(members.size(), 5u);
  for (const auto& [path, bytes] : members) {
    auto exported = out_dir / path;
    ASSERT_TRUE(std::filesystem::exists(exported)) << path;
    EXPECT_TRUE(read_file(exported) == bytes) << path << " differs";
  }
}

TEST(InputCli, BadInputIsOneLineExitTwoAndTheArchiveUntouched) {
  CliRunner cli;
  ASSERT_EQ(cli.run({"import", example_export()}).status, 0);
  auto before = read_file(cli.archive());
  for (const char* name : {"not-a-zip.zip", "truncated.zip", "garbage.json", "no-conversations.zip",
                           "truncated-manifest.zip"}) {
    auto r = cli.run({"import", fixture(name)});
    EXPECT_EQ(r.status, 2) << name << ": " << r.err;
    EXPECT_NE(r.err.find(name), std::string::npos) << "error must name the file: " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_TRUE(read_file(cli.archive()) == before) << name << " changed the archive";
  }
}

TEST(InputCli, FailedFirstImportLeavesNoArchiveBehind) {
  CliRunner cli;
  auto r = cli.run({"import", fixture("garbage.json")});
  EXPECT_EQ(r.status, 2);
  EXPECT_FALSE(std::filesystem::exists(cli.archive()));
}

TEST(InputCli, TruncatedManifestSaysWhichShardIsMissing) {
  CliRunner cli;
  auto r = cli.run({"import", fixture("truncated-manifest.zip")});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("conversations-0"), std::string::npos) << r.err;
}

TEST(InputCli, OneBrokenConversationIsSkippedAndReported) {
  for (const char* name : {"broken-one.json", "broken-element.json"}) {
    CliRunner cli;
    auto s = run_json(cli, {"import", "--json", fixture(name)});
    EXPECT_EQ(s["conversations"]["skipped"], 1) << name;
    EXPECT_GE(s["conversations"]["new"].get<int>(), 2) << name;
    ASSERT_EQ(s["skipped"].size(), 1u);
    EXPECT_NE(s["skipped"][0].get<std::string>().find(name), std::string::npos);
  }
}

TEST(InputCli, EveryLayoutImports) {
  struct Case {
    const char* file;
    const char* layout;
    int conversations;
  };
  for (const Case& c :
       {Case{"classic.zip", "classic", 3}, Case{"sharded.zip", "sharded", 4},
        Case{"portal.zip", "privacy-portal", 2}, Case{"conversations-wrapped.json", "json", 2},
        Case{"chinese.json", "json", 3}}) {
    CliRunner cli;
    auto s = run_json(cli, {"import", "--json", fixture(c.file)});
    EXPECT_EQ(s["layout"], c.layout) << c.file;
    EXPECT_EQ(s["conversations"]["new"], c.conversations) << c.file;
    EXPECT_EQ(s["conversations"]["skipped"], 0) << c.file;
  }
}

TEST(InputCli, ShardedExportResolvesDatAssetsByTheNameMap) {
  CliRunner cli;
  auto s = run_json(cli, {"import", "--json", fixture("sharded.zip")});
  EXPECT_GE(s["attachments"]["stored"].get<int>(), 2);
  bool named = false;
  for (const auto& c : run_json(cli, {"list", "--json"})) {
    auto conv = run_json(cli, {"show", "--json", c["id"]});
    for (const auto& m : conv["messages"]) {
      for (const auto& a : m["attachments"]) {
        auto name = a["name"].get<std::string>();
        if (a["available"].get<bool>() && name.find(".dat") == std::string::npos) named = true;
      }
    }
  }
  EXPECT_TRUE(named) << "a .dat asset should carry its original name";
}

TEST(InputCli, NewerExportAddsUpdatesAndKeepsWhatWentMissing) {
  CliRunner cli;
  auto v1 = run_json(cli, {"import", "--json", fixture("reimport-v1.zip")});
  auto v2 = run_json(cli, {"import", "--json", fixture("reimport-v2.zip")});
  EXPECT_EQ(v2["conversations"]["new"], 1);
  EXPECT_EQ(v2["conversations"]["updated"], 1);
  EXPECT_EQ(v2["conversations"]["gone_upstream"], 1);
  auto list = run_json(cli, {"list", "--json"});
  EXPECT_EQ(list.size(), v1["conversations"]["new"].get<size_t>() + 1);
  int gone = 0;
  for (const auto& c : list) gone += c["gone_upstream"].get<bool>() ? 1 : 0;
  EXPECT_EQ(gone, 1);
  auto again = run_json(cli, {"import", "--json", fixture("reimport-v2.zip")});
  EXPECT_FALSE(again["changed"].get<bool>());
  // Importing the older export afterwards must not undo the newer one: nothing reverts to the
  // old version and nothing only the newer export has is marked gone.
  auto old = run_json(cli, {"import", "--json", fixture("reimport-v1.zip")});
  EXPECT_EQ(old["conversations"]["updated"], 0);
  EXPECT_EQ(old["conversations"]["gone_upstream"], 0);
  int gone_after = 0;
  for (const auto& c : run_json(cli, {"list", "--json"})) {
    gone_after += c["gone_upstream"].get<bool>() ? 1 : 0;
  }
  EXPECT_EQ(gone_after, 1);
}

TEST(InputCli, SharedRealExportsImport) {
  auto dir = shared_fixture("chatgpt");
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no ../shared/fixtures on this machine";
  for (const char* name :
       {"librechat-chatgpt-export.json", "librechat-chatgpt-tree.json",
        "librechat-chatgpt-citations.json", "librechat-chatgpt-modern-export.json"}) {
    CliRunner cli;
    auto s = run_json(cli, {"import", "--json", (dir / name).string()});
    EXPECT_GT(s["conversations"]["new"].get<int>(), 0) << name;
    for (const auto& c : run_json(cli, {"list", "--json"})) {
      auto r = cli.run({"show", c["id"]});
      EXPECT_EQ(r.status, 0) << name << ": " << r.err;
      EXPECT_EQ(r.out.find("\u3010"), std::string::npos) << name << ": marker leaked\n" << r.out;
    }
  }
}

TEST(InputCli, SharedTreeFixtureShowsEightNodePathWithBranches) {
  auto path = shared_fixture("chatgpt/librechat-chatgpt-tree.json");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no ../shared/fixtures on this machine";
  CliRunner cli;
  run_json(cli, {"import", "--json", path.string()});
  auto list = run_json(cli, {"list", "--json"});
  ASSERT_EQ(list.size(), 1u);
  auto all = run_json(cli, {"show", "--json", "--all", list[0]["id"]});
  size_t with_versions = 0;
  for (const auto& m : all["messages"]) with_versions += m["versions"]["count"].get<int>() > 1;
  EXPECT_EQ(with_versions, 2u);  // one edited question, one regenerated answer
  EXPECT_EQ(all["branches"].size(), 2u);
}

}  // namespace
}  // namespace afterglow::testing

namespace afterglow::testing {
namespace {

TEST(InputCli, PrivacyPortalNeverReadsFinancialFiles) {
  CliRunner cli;
  ASSERT_EQ(cli.run({"import", fixture("portal.zip")}).status, 0);
  // Paths are stored uncompressed, so a Financial/ member kept anywhere would show in the file.
  EXPECT_EQ(read_file(cli.archive()).find("Financial/"), std::string::npos);
  auto out_dir = cli.dir() / "originals";
  ASSERT_EQ(cli.run({"export", "--original", out_dir.string()}).status, 0);
  size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(out_dir)) {
    if (!entry.is_regular_file()) continue;
    ++files;
    EXPECT_EQ(entry.path().string().find("Financial"), std::string::npos) << entry.path();
    EXPECT_EQ(read_file(entry.path()).find("SENTINEL-"), std::string::npos) << entry.path();
  }
  EXPECT_GT(files, 2u);
}

}  // namespace
}  // namespace afterglow::testing

namespace afterglow::testing {
namespace {

TEST(InputCli, InvalidUtf8IsRepairedReportedAndKeptRaw) {
  CliRunner cli;
  // One conversation whose message text holds a byte that is not UTF-8 (0xFF).
  const std::string bad_text = std::string("caf") + '\xFF' + " au lait";
  const std::string json =
      R"([{"id":"utf8-conv","title":"Bytes","create_time":1700000000,"current_node":"m1",)"
      R"("mapping":{"root":{"id":"root","parent":null,"children":["m1"],"message":null},)"
      R"("m1":{"id":"m1","parent":"root","children":[],"message":{"id":"m1","author":)"
      R"({"role":"user"},"create_time":1700000001,"content":{"content_type":"text","parts":[")" +
      bad_text + R"("]},"weight":1,"recipient":"all"}}}}])";
  auto input = cli.dir() / "bad-utf8.json";
  std::ofstream(input, std::ios::binary) << json;
  auto r = cli.run({"import", "--json", input.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  auto s = nlohmann::json::parse(r.out);
  EXPECT_EQ(s["conversations"]["new"], 1);
  ASSERT_EQ(s["warnings"].size(), 1u) << r.out;
  EXPECT_NE(s["warnings"][0].get<std::string>().find("invalid UTF-8"), std::string::npos);
  auto shown = nlohmann::json::parse(cli.run({"show", "--json", "utf8-conv"}).out);
  EXPECT_EQ(shown["messages"][0]["text"], "caf\xEF\xBF\xBD au lait");
  auto originals = cli.dir() / "originals";
  ASSERT_EQ(cli.run({"export", "--original", originals.string()}).status, 0);
  EXPECT_EQ(read_file(originals / "bad-utf8.json"), json);
}

}  // namespace
}  // namespace afterglow::testing
