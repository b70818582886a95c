// `afterglow memories` through the real binary: the records of memory-v1.zip and memory-v2.zip
// (tests/fixtures/README.md) kept once, added to by a newer export, never lost with a deleted
// conversation, shown in English and Chinese (golden files, Asia/Shanghai), as stable JSON, and
// in the book only when asked for. The text itself is compared in golden_cli_test.cpp.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_runner.h"

namespace afterglow::testing {
namespace {

using nlohmann::json;

class MemoriesCli : public ::testing::Test {
 protected:
  void SetUp() override { cli_.tz = "Asia/Shanghai"; }
  RunResult ok(const std::vector<std::string>& args) {
    auto r = cli_.run(args);
    EXPECT_EQ(r.status, 0) << r.err;
    return r;
  }
  RunResult import(const std::string& name) { return ok({"import", fixture(name)}); }
  json records() { return json::parse(ok({"memories", "--json"}).out)["records"]; }
  CliRunner cli_;
};

TEST_F(MemoriesCli, KeptOnceAddedToByANewerExportAndVerified) {
  EXPECT_NE(import("memory-v1.zip").out.find("  memory records: 5 new"), std::string::npos);
  EXPECT_EQ(records().size(), 5u);
  const auto again = import("memory-v1.zip");
  EXPECT_EQ(again.out.find("memory records:"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("Nothing changed"), std::string::npos) << again.out;
  EXPECT_EQ(records().size(), 5u);
  EXPECT_NE(import("memory-v2.zip").out.find("  memory records: 2 new"), std::string::npos);
  const json r = records();
  ASSERT_EQ(r.size(), 7u);
  EXPECT_EQ(r[0]["title"], "记住我的猫");  // its conversation is gone upstream; kept
  EXPECT_EQ(r[0]["kind"], "custom_instructions");
  EXPECT_TRUE(r[5]["repeats_previous"].get<bool>());  // the snapshot again, unchanged
  EXPECT_FALSE(r[3]["repeats_previous"].get<bool>());
  EXPECT_EQ(r[6]["text"], "用户九月搬到了上海。\x1b[2J");
  const auto verified = ok({"verify"});
  EXPECT_NE(verified.out.find("  memory records: 7, each where it happened"), std::string::npos)
      << verified.out;
  EXPECT_NE(verified.out.find("All checks passed."), std::string::npos) << verified.out;
}

TEST_F(MemoriesCli, JsonIsStableAndTheSameInEveryLanguage) {
  import("memory-v1.zip");
  const std::string english = ok({"memories", "--json"}).out;
  cli_.locale = "LANG=zh_CN.UTF-8";
  EXPECT_EQ(ok({"memories", "--json"}).out, english);
  const json all = json::parse(english);
  const json& write = all["records"][1];
  EXPECT_EQ(write["source"], "chatgpt");
  EXPECT_EQ(write["account"], "user-MemoryFixture000000001");
  EXPECT_EQ(write["kind"], "memory_write");
  EXPECT_EQ(write["text"], "用户养了一只叫豆豆的橘猫。");
  EXPECT_TRUE(write["time"].is_number());
  EXPECT_TRUE(write["project"].is_null());
  EXPECT_TRUE(write["conversation_held"].get<bool>());
  EXPECT_TRUE(write["message_held"].get<bool>());
  // The node is a message `show --all --json` of its conversation has.
  const json shown =
      json::parse(ok({"show", "--all", "--json", write["conversation"].get<std::string>()}).out);
  bool found = false;
  for (const auto& m : shown["messages"]) found = found || m["id"] == write["node"];
  EXPECT_TRUE(found) << write["node"];
  ASSERT_EQ(all["projects"].size(), 1u);
  EXPECT_EQ(all["projects"][0]["kind"], "chatgpt_project");
  EXPECT_EQ(all["projects"][0]["conversations"], 1);
}

TEST_F(MemoriesCli, NothingRememberedSaysSo) {
  ok({"import", fixture("reimport-v1.zip")});
  EXPECT_EQ(ok({"memories"}).out.rfind("Nothing remembered yet", 0), 0u);
  EXPECT_EQ(json::parse(ok({"memories", "--json"}).out),
            json({{"records", json::array()}, {"projects", json::array()}}));
}

// The chapter is opt-in: absent from the book by default, there with --include-memories, each
// record linked to its conversation in the book.
TEST_F(MemoriesCli, TheBookChapterOnlyWhenAskedFor) {
  import("memory-v1.zip");
  const std::string file = (cli_.dir() / "book.html").string();
  ok({"book", "--single-file", file, "--lang", "en"});
  const std::string without = read_file(file);
  EXPECT_EQ(without.find("id=\"remembered\""), std::string::npos);
  EXPECT_EQ(without.find("What it remembered"), std::string::npos);

  ok({"book", "--single-file", file, "--lang", "en", "--include-memories"});
  const std::string with = read_file(file);
  const size_t chapter = with.find("<section class=\"remembered\" id=\"remembered\">");
  ASSERT_NE(chapter, std::string::npos);
  EXPECT_NE(with.find("<a href=\"#remembered\">What it remembered</a>"), std::string::npos);
  const std::string rest = with.substr(chapter);
  EXPECT_NE(rest.find("<blockquote>用户养了一只叫豆豆的橘猫。</blockquote>"), std::string::npos);
  EXPECT_NE(
      rest.find("<blockquote>我是一名中学老师，住在杭州。<br><br>请用简体中文回答，语气温和一些。"
                "</blockquote>"),
      std::string::npos);
  // Two conversations in the book, oldest first: the cat is #c-1.
  EXPECT_NE(rest.find("<a href=\"#c-1\">in “记住我的猫”</a>"), std::string::npos);

  const auto folder = cli_.dir() / "book";
  ok({"book", "--out", folder.string(), "--lang", "en", "--include-memories"});
  ASSERT_TRUE(std::filesystem::exists(folder / "remembered.html"));
  EXPECT_NE(read_file(folder / "remembered.html").find("href=\"c/0002.html\""), std::string::npos);
  const auto plain = cli_.dir() / "plain";
  ok({"book", "--out", plain.string(), "--lang", "en"});
  EXPECT_FALSE(std::filesystem::exists(plain / "remembered.html"));
}

}  // namespace
}  // namespace afterglow::testing
