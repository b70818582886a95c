// The terminal output a person reads, compared with expected files (notmuch style). Time zone
// fixed to Asia/Shanghai so local times are checked too. To accept a deliberate change of
// output, run with AFTERGLOW_UPDATE_GOLDEN=1 and review the diff of tests/cli/expected/.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "cli/cli_runner.h"
#include "cli/synthetic_export.h"

namespace afterglow::testing {
namespace {

void expect_golden(const std::string& name, const std::string& actual) {
  auto path = std::filesystem::path(AFTERGLOW_SOURCE_DIR) / "tests" / "cli" / "expected" / name;
  if (std::getenv("AFTERGLOW_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path)) << path << " missing";
  EXPECT_EQ(actual, read_file(path)) << "output differs from " << path;
}

class GoldenCli : public ::testing::Test {
 protected:
  void SetUp() override { import_example("", "", "("); }
  // Imports the example export with the locale variables `locale`, checking the summary against
  // expected/<folder>import.txt. The archive path differs per run; from `after_path` on, all is
  // stable.
  void import_example(const std::string& folder, const std::string& locale,
                      const std::string& after_path) {
    cli_.tz = "Asia/Shanghai";
    cli_.locale = locale;
    auto r = cli_.run({"import", example_export()});
    ASSERT_EQ(r.status, 0) << r.err;
    expect_golden(folder + "import.txt", r.out.substr(r.out.find(after_path)));
  }
  std::string out(const std::vector<std::string>& args) {
    auto r = cli_.run(args);
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
  }
  CliRunner cli_;
};

TEST_F(GoldenCli, List) { expect_golden("list.txt", out({"list"})); }
// A person's keepsakes from start to end: every command that writes one, each once more where
// the second time changes nothing, and the listing. `note_file` holds a note in a file.
std::string keepsake_session(const CliRunner& cli, const std::string& note_file) {
  std::string transcript;
  const std::vector<std::vector<std::string>> commands = {
      {"star", "c83f1f6f"},
      {"star", "c83f1f6f-bb48-5e98-b2ae-9dbf621ba1ba"},
      {"star", "8f39e332"},
      {"note", "c5a6", "那碗馄饨的样子，我想一直记得。"},
      {"note", "8f39e332", "--file", note_file},
      {"letter", "--title", "给外婆", "--date", "2026-02-13", "外婆，梦里的厨房还是那样亮。"},
      {"rest", "33efda70"},
      {"rest", "33efda70"},
      {"keepsakes"},
      {"unstar", "8f39e332"},
      {"unstar", "8f39e332"},
      {"note", "c5a6", "--remove"},
      {"wake", "33efda70"},
      {"wake", "33efda70"},
      {"keepsakes"},
  };
  for (const auto& args : commands) {
    transcript += "$ afterglow";
    for (const auto& a : args) transcript += " " + (a == note_file ? "NOTE.md" : a);
    transcript += "\n";
    auto r = cli.run(args);
    EXPECT_EQ(r.status, 0) << r.err;
    transcript += r.out;
  }
  return transcript;
}

std::string write_note_file(const CliRunner& cli) {
  const auto path = cli.dir() / "NOTE.md";
  std::ofstream(path, std::ios::binary)
      << "She really did walk slowly.\nWe stopped at every bench.\n";
  return path.string();
}

TEST_F(GoldenCli, Keepsakes) {
  expect_golden("keepsakes.txt", keepsake_session(cli_, write_note_file(cli_)));
}

TEST_F(GoldenCli, ShowRegeneratedChineseConversation) {
  expect_golden("show-stress.txt", out({"show", "aa06b67a"}));
}

TEST_F(GoldenCli, ShowVoiceConversation) { expect_golden("show-voice.txt", out({"show", "c5a6"})); }

TEST_F(GoldenCli, ShowAllWithHiddenAndBranches) {
  expect_golden("show-edited-all.txt", out({"show", "--all", "0807323d"}));
}

TEST_F(GoldenCli, Help) { expect_golden("help.txt", out({"--help"})); }

// The first conversation, the last three with GPT-4o before its retirement, and 2 March.
TEST_F(GoldenCli, Firsts) { expect_golden("firsts.txt", out({"firsts", "--date", "03-02"})); }

// What it remembered, from two exports of memory-v1.zip and memory-v2.zip: the Chinese records,
// the one whose conversation was deleted upstream, the one holding an escape sequence, and the
// unchanged snapshot of the second export, folded.
TEST(GoldenCliMemories, EnglishAndChinese) {
  CliRunner cli;
  cli.tz = "Asia/Shanghai";
  for (const char* name : {"memory-v1.zip", "memory-v2.zip"}) {
    ASSERT_EQ(cli.run({"import", fixture(name)}).status, 0);
  }
  const auto english = cli.run({"memories"});
  ASSERT_EQ(english.status, 0) << english.err;
  expect_golden("memories.txt", english.out);
  cli.locale = "LANG=zh_CN.UTF-8";
  const auto chinese = cli.run({"memories"});
  ASSERT_EQ(chinese.status, 0) << chinese.err;
  expect_golden("zh_CN/memories.txt", chinese.out);
}

TEST_F(GoldenCli, SearchChinese) { expect_golden("search-stress.txt", out({"search", "压力"})); }

TEST_F(GoldenCli, SearchWithFields) {
  expect_golden("search-fields.txt", out({"search", "model:gpt-4o after:2024-12 Mom"}));
}

// A conversation whose title, model and text hold terminal escape sequences: a window title
// (OSC 0 ... BEL), a screen clear (CSI 2 J), a C1 CSI (U+009B), a lone carriage return, DEL.
// Every terminal view shows them, visibly and inertly; none reaches the terminal as a control.
class GoldenCliHostileText : public ::testing::Test {
 protected:
  void SetUp() override {
    cli_.tz = "Asia/Shanghai";
    const std::string hostile =
        "title\x1b]0;TITLE\x07 clear\x1b[2J csi\xC2\x9B"
        "31m cr\rover del\x7f end";
    const auto conversations = nlohmann::json::array({synthetic_conversation(
        "6f9e2c1a-0d4b-4b8e-9a57-3e1f00000001", "Escapes \x1b]0;TITLE\x07\x1b[2J", 1715601340.5,
        {{"user", "压力 " + hostile, 1715601340.5, ""},
         {"assistant",
          "reply \x1b[31mred\x1b[0m \xC2\x9D"
          "8;;file:///etc\xC2\x9C",
          1715601345.0, "gpt-4o\x1b[5m"}})});
    auto r = cli_.run({"import", write_conversations(cli_.dir(), "hostile.json", conversations)});
    ASSERT_EQ(r.status, 0) << r.err;
  }
  // Output that holds no control character but newline (and the tab, which none of these
  // outputs use) and no C1 control: nothing a terminal would obey.
  static void expect_inert(const std::string& what, const std::string& text) {
    for (size_t i = 0; i < text.size(); ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      EXPECT_TRUE(c >= 0x20 || c == '\n' || c == '\t')
          << what << ": control " << static_cast<int>(c) << " at " << i;
      EXPECT_NE(c, 0x7F) << what << " at " << i;
      if (c == 0xC2 && i + 1 < text.size()) {
        const auto next = static_cast<unsigned char>(text[i + 1]);
        EXPECT_FALSE(next >= 0x80 && next <= 0x9F) << what << ": C1 control at " << i;
      }
    }
  }
  CliRunner cli_;
};

TEST_F(GoldenCliHostileText, ShowListAndSearchShowEscapesAsText) {
  for (const auto& [args, golden] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"show", "6f9e2c1a"}, "show-escapes.txt"},
           {{"list"}, "list-escapes.txt"},
           {{"search", "压力"}, "search-escapes.txt"},
       }) {
    auto r = cli_.run(args);
    ASSERT_EQ(r.status, 0) << r.err;
    expect_inert(golden, r.out);
    expect_golden(golden, r.out);
  }
}

TEST_F(GoldenCliHostileText, JsonOutputsAreEscapedAndKeepTheText) {
  auto show = cli_.run({"show", "--json", "6f9e2c1a"});
  ASSERT_EQ(show.status, 0) << show.err;
  expect_inert("show --json", show.out);
  const auto conversation = nlohmann::json::parse(show.out);
  EXPECT_EQ(conversation["title"], "Escapes \x1b]0;TITLE\x07\x1b[2J");
  EXPECT_EQ(conversation["messages"][1]["model"], "gpt-4o\x1b[5m");
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"list", "--json"}, {"search", "--json", "压力"}}) {
    auto r = cli_.run(args);
    ASSERT_EQ(r.status, 0) << r.err;
    expect_inert(args.front() + " --json", r.out);
    EXPECT_NE(r.out.find("\\u001b]0;TITLE\\u0007"), std::string::npos) << r.out;
  }
}

TEST_F(GoldenCliHostileText, ErrorLinesQuotingInputShowEscapesAsText) {
  for (const auto& args : std::vector<std::vector<std::string>>{{"show", "\x1b]0;TITLE\x07"},
                                                                {"search", "after:\x1b[2J"},
                                                                {"list", "--after",
                                                                 "\xC2\x9B"
                                                                 "2J"},
                                                                {"list", "--limit", "\x1b[2J"}}) {
    auto r = cli_.run(args);
    EXPECT_NE(r.status, 0) << args.back();
    expect_inert(args.front() + " error", r.err);
    expect_inert(args.front() + " error (stdout)", r.out);
    EXPECT_TRUE(r.err.find("\\x1b") != std::string::npos ||
                r.err.find("\\u009b") != std::string::npos)
        << r.err;
  }
}

// The same outputs in Chinese (po/zh_CN.po), in tests/cli/expected/zh_CN/. The locale needs
// not be installed: the program finds the catalog through LANG alone (i18n/language.h).
class GoldenCliChinese : public GoldenCli {
 protected:
  void SetUp() override { import_example("zh_CN/", "LANG=zh_CN.UTF-8", "（"); }
};

TEST_F(GoldenCliChinese, List) { expect_golden("zh_CN/list.txt", out({"list"})); }

TEST_F(GoldenCliChinese, Firsts) {
  expect_golden("zh_CN/firsts.txt", out({"firsts", "--date", "03-02"}));
}

TEST_F(GoldenCliChinese, ShowVoiceConversation) {
  expect_golden("zh_CN/show-voice.txt", out({"show", "c5a6"}));
}

TEST_F(GoldenCliChinese, ShowAllWithHiddenAndBranches) {
  expect_golden("zh_CN/show-edited-all.txt", out({"show", "--all", "0807323d"}));
}

TEST_F(GoldenCliChinese, Search) {
  expect_golden("zh_CN/search-stress.txt", out({"search", "压力"}));
}

TEST_F(GoldenCliChinese, SearchWithoutMatches) {
  expect_golden("zh_CN/search-none.txt", out({"search", "不存在的词语组合"}));
}

TEST_F(GoldenCliChinese, Help) { expect_golden("zh_CN/help.txt", out({"--help"})); }

TEST_F(GoldenCliChinese, Keepsakes) {
  expect_golden("zh_CN/keepsakes.txt", keepsake_session(cli_, write_note_file(cli_)));
}

TEST_F(GoldenCliChinese, SearchHelpWithTheQueryLanguage) {
  expect_golden("zh_CN/search-help.txt", out({"search", "--help"}));
}

TEST_F(GoldenCliChinese, ImportHelp) {
  expect_golden("zh_CN/import-help.txt", out({"import", "--help"}));
}

TEST_F(GoldenCliChinese, ErrorWithoutArchive) {
  CliRunner fresh;
  fresh.locale = "LANG=zh_CN.UTF-8";
  auto r = fresh.run({"list"});
  EXPECT_EQ(r.status, 2);
  // The archive's path differs per run; the rest of the line is the message.
  expect_golden("zh_CN/error-no-archive.txt", r.err.substr(r.err.find("：")));
  EXPECT_EQ(r.err.rfind("afterglow: " + fresh.archive().string() + "：", 0), 0u) << r.err;
}

}  // namespace
}  // namespace afterglow::testing
