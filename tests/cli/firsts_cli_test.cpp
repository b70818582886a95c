// `afterglow firsts` through the real binary on the example export: the first conversation, the
// last ones with GPT-4o before 2026-02-13 (model/src/retirements.cpp), "on this day" for a
// given --date, each citing a message that `show --json` has; a bad --date is one line, exit 2.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_runner.h"

namespace afterglow::testing {
namespace {

using nlohmann::json;

class FirstsCli : public ::testing::Test {
 protected:
  void SetUp() override {
    cli_.tz = "Asia/Shanghai";
    ASSERT_EQ(cli_.run({"import", example_export()}).status, 0);
  }
  json firsts(const std::string& date) {
    auto r = cli_.run({"firsts", "--json", "--date", date});
    EXPECT_EQ(r.status, 0) << r.err;
    return json::parse(r.out);
  }
  // Whether the conversation `show --json` gives has a message with the cited node id.
  bool cites_a_message(const json& item) {
    auto r = cli_.run({"show", "--json", item["conversation"].get<std::string>()});
    if (r.status != 0) return false;
    const json shown = json::parse(r.out);
    for (const auto& m : shown["messages"]) {
      if (m["id"] == item["node"]) return true;
    }
    return false;
  }
  CliRunner cli_;
};

TEST_F(FirstsCli, TheFirstTheLastAndOnThisDay) {
  const json f = firsts("03-02");
  EXPECT_EQ(f["first"]["title"], "Foundation and psychohistory");
  EXPECT_EQ(f["first"]["role"], "user");
  EXPECT_TRUE(cites_a_message(f["first"]));

  ASSERT_EQ(f["retired"].size(), 1u);
  EXPECT_EQ(f["retired"][0]["model"], "GPT-4o");
  EXPECT_EQ(f["retired"][0]["retired_on"], "2026-02-13");
  const json& last = f["retired"][0]["last"];
  ASSERT_EQ(last.size(), 3u);  // newest first; the gpt-5 conversation of 2025-09 is not one
  EXPECT_EQ(last[0]["title"], "梦见外婆");
  EXPECT_EQ(last[1]["title"], "Kyoto cherry blossoms with Mom");
  EXPECT_EQ(last[2]["title"], "Birthday card for Mom");
  for (const auto& item : last) {
    EXPECT_EQ(item["role"], "assistant");
    EXPECT_TRUE(cites_a_message(item)) << item;
  }

  EXPECT_EQ(f["on_this_day"]["date"], "03-02");
  ASSERT_EQ(f["on_this_day"]["years"].size(), 1u);
  EXPECT_EQ(f["on_this_day"]["years"][0]["year"], 2025);
  EXPECT_EQ(f["on_this_day"]["years"][0]["conversations"][0]["title"], "梦见外婆");
  EXPECT_TRUE(firsts("07-04")["on_this_day"]["years"].empty());
}

TEST_F(FirstsCli, AConversationAtRestIsNotOnThisDay) {
  ASSERT_EQ(cli_.run({"rest", "c5a6"}).status, 0);
  EXPECT_TRUE(firsts("03-02")["on_this_day"]["years"].empty());
}

TEST_F(FirstsCli, JsonIsTheSameInEveryLanguage) {
  const auto english = cli_.run({"firsts", "--json", "--date", "03-02"});
  cli_.locale = "LANG=zh_CN.UTF-8";
  EXPECT_EQ(cli_.run({"firsts", "--json", "--date", "03-02"}).out, english.out);
}

TEST_F(FirstsCli, ABadDateIsOneLine) {
  for (const std::string bad : {"02-30", "13-01", "3-2", "2026-03-02", "x"}) {
    auto r = cli_.run({"firsts", "--date", bad});
    EXPECT_EQ(r.status, 2) << bad;
    EXPECT_EQ(r.err, "afterglow: --date " + bad + ": not a day of the year; use MM-DD\n");
    EXPECT_EQ(r.out, "");
  }
  EXPECT_EQ(cli_.run({"firsts", "--date", "02-29"}).status, 0);
}

}  // namespace
}  // namespace afterglow::testing
