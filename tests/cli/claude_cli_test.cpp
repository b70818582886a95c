// End to end with a Claude.ai export: the real binary imports it, and list, show and search give
// its conversations back, labelled Claude, with no model; bad input is refused in one line.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cli/cli_runner.h"

namespace afterglow::testing {
namespace {

using nlohmann::json;

json run_json(const CliRunner& cli, const std::vector<std::string>& args) {
  auto r = cli.run(args);
  EXPECT_EQ(r.status, 0) << r.err;
  auto j = json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON:\n" << r.out;
  return j;
}

TEST(ClaudeCli, ImportListShowSearch) {
  CliRunner cli;
  auto text = cli.run({"import", fixture("claude.zip")});
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("from Claude (classic layout, lin.wen@example.com)"), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("4 new"), std::string::npos) << text.out;

  auto list = run_json(cli, {"list", "--json"});
  ASSERT_EQ(list.size(), 4u);
  std::string garden;
  for (const auto& c : list) {
    EXPECT_EQ(c["model"], "") << c.dump();  // unknown, not guessed
    if (c["title"] == "阳台种番茄") garden = c["id"];
  }
  ASSERT_FALSE(garden.empty()) << list.dump();

  auto shown = cli.run({"show", garden});
  ASSERT_EQ(shown.status, 0) << shown.err;
  EXPECT_NE(shown.out.find("Claude"), std::string::npos) << shown.out;
  EXPECT_EQ(shown.out.find("ChatGPT"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("叶子发黄多半是缺氮"), std::string::npos) << shown.out;
  EXPECT_EQ(shown.out.find("可能是浇水太多了。"), std::string::npos)  // the other version
      << shown.out;

  auto found = run_json(cli, {"search", "--json", "source:claude 鱼乳肥"});
  ASSERT_FALSE(found.empty());
  const json& hits = found.is_array() ? found : found["hits"];
  ASSERT_FALSE(hits.empty()) << found.dump();
  EXPECT_EQ(hits[0]["conversation"], garden) << found.dump();
  auto none = run_json(cli, {"search", "--json", "source:chatgpt 鱼乳肥"});
  const json& no_hits = none.is_array() ? none : none["hits"];
  EXPECT_TRUE(no_hits.empty()) << none.dump();
}

TEST(ClaudeCli, SameExportTwiceChangesNothingANewerOneAddsAndUpdates) {
  CliRunner cli;
  auto first = run_json(cli, {"import", "--json", fixture("claude-conversations.json")});
  EXPECT_EQ(first["source"], "claude");
  EXPECT_EQ(first["layout"], "json");
  EXPECT_EQ(first["conversations"]["new"], 2);
  auto again = run_json(cli, {"import", "--json", fixture("claude-conversations.json")});
  EXPECT_FALSE(again["changed"].get<bool>()) << again.dump();
  EXPECT_EQ(again["conversations"]["unchanged"], 2);
  auto later = run_json(cli, {"import", "--json", fixture("claude-conversations-v2.json")});
  EXPECT_EQ(later["conversations"]["new"], 1) << later.dump();
  EXPECT_EQ(later["conversations"]["updated"], 1) << later.dump();
  EXPECT_EQ(later["conversations"]["unchanged"], 1) << later.dump();
  EXPECT_EQ(run_json(cli, {"list", "--json"}).size(), 3u);
}

TEST(ClaudeCli, ABrokenConversationIsSkippedAndAnUnknownJsonRefused) {
  CliRunner cli;
  auto s = run_json(cli, {"import", "--json", fixture("claude-broken.json")});
  EXPECT_EQ(s["conversations"]["new"], 2);
  EXPECT_EQ(s["conversations"]["skipped"], 1);
  const std::string before = read_file(cli.archive());
  auto r = cli.run({"import", fixture("unknown-export.json")});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("unknown-export.json: not a ChatGPT, Claude, Gemini or Grok export"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_TRUE(read_file(cli.archive()) == before) << "the archive changed";
}

// Claude's 2026 delivery: a manifest of download links, and each part a zip of its own.
TEST(ClaudeCli, TheDownloadLinksAloneSayWhatToDoAndLeaveTheArchiveAsItWas) {
  CliRunner cli;
  ASSERT_EQ(cli.run({"import", fixture("claude-conversations.json")}).status, 0);
  const std::string before = read_file(cli.archive());
  auto r = cli.run({"import", fixture("claude-2026/manifest-e0000000-2026-09-10-21-25-17.json")});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("manifest-e0000000-2026-09-10-21-25-17.json: a list of download links, "
                       "not the export itself: download every zip it lists into one folder, "
                       "then import that folder"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_TRUE(read_file(cli.archive()) == before) << "the archive changed";
}

TEST(ClaudeCli, TheFolderOfDownloadedZipsImportsAsOneExport) {
  CliRunner cli;
  auto s = run_json(cli, {"import", "--json", fixture("claude-2026")});
  EXPECT_EQ(s["source"], "claude") << s.dump();
  EXPECT_EQ(s["layout"], "folder") << s.dump();
  EXPECT_EQ(s["conversations"]["new"], 2) << s.dump();
  auto again = run_json(cli, {"import", "--json", fixture("claude-2026/conversations-000.zip")});
  EXPECT_EQ(again["conversations"]["unchanged"], 2) << again.dump();
  auto text = cli.run({"show", run_json(cli, {"list", "--json"})[0]["id"]});
  EXPECT_NE(text.out.find("Claude"), std::string::npos) << text.out;
}

TEST(ClaudeCli, APartWithoutConversationsIsAClaudeExportWithNone) {
  for (const char* part : {"projects-000.zip", "memories-000.zip", "users-000.zip"}) {
    CliRunner cli;
    auto r = cli.run({"import", "--json", fixture(std::string("claude-2026/") + part)});
    ASSERT_EQ(r.status, 0) << part << ": " << r.err;
    auto s = json::parse(r.out);
    EXPECT_EQ(s["source"], "claude") << part << ": " << s.dump();
    EXPECT_EQ(s["conversations"]["new"], 0) << part << ": " << s.dump();
  }
}

TEST(ClaudeCli, RealSampleImports) {
  auto path = shared_fixture("claude/claude_thinking_example.json");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no ../shared/fixtures on this machine";
  CliRunner cli;
  auto s = run_json(cli, {"import", "--json", path.string()});
  EXPECT_EQ(s["source"], "claude");
  EXPECT_EQ(s["conversations"]["new"], 1);
  auto list = run_json(cli, {"list", "--json"});
  ASSERT_EQ(list.size(), 1u);
  auto shown = cli.run({"show", list[0]["id"]});
  EXPECT_NE(shown.out.find("Hello there! It's great to hear from you."), std::string::npos)
      << shown.out;
  auto all = cli.run({"show", "--all", list[0]["id"]});
  EXPECT_NE(all.out.find("I should respond warmly"), std::string::npos) << all.out;
}

}  // namespace
}  // namespace afterglow::testing
