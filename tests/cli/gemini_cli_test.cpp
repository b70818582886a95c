// End to end with Gemini's Takeout: the real binary imports it, search and show give its
// conversations back, labelled Gemini; the same Takeout twice changes nothing, a newer one adds
// turns; broken input is refused in one line and leaves the archive as it was.
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

const json& hits_of(const json& found) { return found.is_array() ? found : found["hits"]; }

TEST(GeminiCli, ImportSearchShow) {
  CliRunner cli;
  auto text = cli.run({"import", fixture("gemini/takeout.zip")});
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("from Gemini (gemini layout)"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("6 new"), std::string::npos) << text.out;

  auto found = run_json(cli, {"search", "--json", "source:gemini 压力"});
  const json& hits = hits_of(found);
  ASSERT_FALSE(hits.empty()) << found.dump();
  const std::string calm = hits[0]["conversation"];
  EXPECT_TRUE(hits_of(run_json(cli, {"search", "--json", "source:chatgpt 压力"})).empty());

  auto shown = cli.run({"show", calm});
  ASSERT_EQ(shown.status, 0) << shown.err;
  EXPECT_NE(shown.out.find("Gemini"), std::string::npos) << shown.out;
  EXPECT_EQ(shown.out.find("ChatGPT"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("深呼吸"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("谢谢，我先试试"), std::string::npos) << shown.out;

  auto list = run_json(cli, {"list", "--json"});
  ASSERT_EQ(list.size(), 6u);
  for (const auto& c : list) EXPECT_EQ(c["model"], "") << c.dump();  // unknown, not guessed
}

TEST(GeminiCli, SameTakeoutTwiceChangesNothingANewerOneAddsTurns) {
  CliRunner cli;
  auto first = run_json(cli, {"import", "--json", fixture("gemini/MyActivity.json")});
  EXPECT_EQ(first["source"], "gemini");
  EXPECT_EQ(first["conversations"]["new"], 2) << first.dump();
  auto again = run_json(cli, {"import", "--json", fixture("gemini/MyActivity.json")});
  EXPECT_FALSE(again["changed"].get<bool>()) << again.dump();
  EXPECT_EQ(again["conversations"]["unchanged"], 2) << again.dump();
  // The HTML form of the same activity is the same conversations.
  auto page = run_json(cli, {"import", "--json", fixture("gemini/My Activity.html")});
  EXPECT_EQ(page["conversations"]["new"], 0) << page.dump();
  auto later = run_json(cli, {"import", "--json", fixture("gemini/MyActivity-v2.json")});
  EXPECT_EQ(later["conversations"]["new"], 1) << later.dump();
  EXPECT_EQ(later["conversations"]["updated"], 1) << later.dump();
  EXPECT_EQ(later["conversations"]["unchanged"], 1) << later.dump();
  EXPECT_EQ(run_json(cli, {"list", "--json"}).size(), 3u);
  auto found = hits_of(run_json(cli, {"search", "--json", "source:gemini DictReader"}));
  EXPECT_EQ(found.size(), 1u);
}

TEST(GeminiCli, BrokenInputIsRefusedInOneLine) {
  CliRunner cli;
  ASSERT_EQ(cli.run({"import", fixture("gemini/MyActivity.json")}).status, 0);
  const std::string before = read_file(cli.archive());
  for (const char* name : {"truncated.json", "no-records.html"}) {
    auto r = cli.run({"import", fixture(std::string("gemini/") + name)});
    EXPECT_EQ(r.status, 2) << name << ": " << r.err;
    EXPECT_NE(r.err.find(name), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_TRUE(read_file(cli.archive()) == before) << name << ": the archive changed";
  }
  // One record with a bad time among good ones: reported, skipped, the rest imported.
  auto s = run_json(cli, {"import", "--json", fixture("gemini/bad-time.json")});
  EXPECT_EQ(s["conversations"]["skipped"], 1) << s.dump();
}

TEST(GeminiCli, AiStudioFolder) {
  CliRunner cli;
  auto s = run_json(cli, {"import", "--json", fixture("gemini/aistudio")});
  EXPECT_EQ(s["source"], "gemini") << s.dump();
  EXPECT_EQ(s["conversations"]["new"], 2) << s.dump();
  auto found = hits_of(run_json(cli, {"search", "--json", "source:gemini 压力测试"}));
  ASSERT_FALSE(found.empty());
  auto shown = cli.run({"show", found[0]["conversation"].get<std::string>()});
  EXPECT_NE(shown.out.find("Gemini"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("先确定目标"), std::string::npos) << shown.out;
}

}  // namespace
}  // namespace afterglow::testing
