// The person's keepsakes through the real binary: they survive a re-import of the same and of a
// newer export, a rebuild of the indexes and `verify`; bad input is refused with one line and
// leaves them as they were; `verify` names a keepsake that no longer points where it was kept.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/cli_runner.h"

namespace afterglow::testing {
namespace {

using nlohmann::json;

// reimport-v1.zip: "Boiled eggs" (572c8b7f) gains two turns in v2, "Deleted later" (7cd7f123)
// is gone from v2, "Unchanged between exports" (09ee1221) is the same in both.
constexpr const char* kEggAnswer = "acd45136";
constexpr const char* kCatAnswer = "6ed0b774";

class KeepsakesCli : public ::testing::Test {
 protected:
  void SetUp() override { import("reimport-v1.zip"); }
  void import(const std::string& fixture_name) {
    auto r = cli_.run({"import", fixture(fixture_name)});
    ASSERT_EQ(r.status, 0) << r.err;
  }
  RunResult ok(const std::vector<std::string>& args) {
    auto r = cli_.run(args);
    EXPECT_EQ(r.status, 0) << r.err;
    return r;
  }
  json kept() { return json::parse(ok({"keepsakes", "--json"}).out); }
  void keep_one_of_each() {
    ok({"star", kEggAnswer});
    ok({"star", kCatAnswer});
    ok({"note", "7cd7f123", "The test I never finished."});
    ok({"note", kCatAnswer, "We called her Mochi in the end."});
    ok({"letter", "--title", "To the one who answered", "--date", "2026-02-13", "Thank you."});
    ok({"rest", "09ee1221"});
  }
  CliRunner cli_;
};

TEST_F(KeepsakesCli, ListsWhatWasKeptAsJson) {
  keep_one_of_each();
  const json k = kept();
  ASSERT_EQ(k["stars"].size(), 2u);
  // In the order the messages were written: the cat (April 1st) before the eggs (April 2nd).
  EXPECT_EQ(k["stars"][0]["node"], "6ed0b774-5fa5-5efa-9339-4e618dfd6b61");
  EXPECT_EQ(k["stars"][0]["excerpt"], "Mochi, Ash or Pebble.");
  EXPECT_EQ(k["stars"][1]["conversation"], "572c8b7f-aa92-5708-a199-95b662236db6");
  EXPECT_EQ(k["stars"][1]["role"], "assistant");
  ASSERT_EQ(k["notes"].size(), 2u);
  EXPECT_EQ(k["notes"][0]["title"], "Unchanged between exports");
  EXPECT_EQ(k["notes"][0]["text"], "We called her Mochi in the end.");
  EXPECT_TRUE(k["notes"][1]["node"].is_null());  // on the whole conversation
  EXPECT_EQ(k["notes"][1]["conversation"], "7cd7f123-38b1-5ae0-bd80-b542335f3969");
  ASSERT_EQ(k["letters"].size(), 1u);
  EXPECT_EQ(k["letters"][0]["date"], "2026-02-13");
  EXPECT_EQ(k["letters"][0]["text"], "Thank you.");
  ASSERT_EQ(k["resting"].size(), 1u);
  EXPECT_EQ(k["resting"][0]["title"], "Unchanged between exports");
}

TEST_F(KeepsakesCli, SurviveReimportsReindexAndVerify) {
  keep_one_of_each();
  const json before = kept();
  import("reimport-v1.zip");  // the same export again
  EXPECT_EQ(kept(), before);
  import("reimport-v2.zip");  // newer: the eggs conversation grows, one conversation is gone
  EXPECT_EQ(kept(), before);
  ok({"reindex"});
  EXPECT_EQ(kept(), before);
  import("reimport-v1.zip");  // an older export never overwrites, and never drops a keepsake
  EXPECT_EQ(kept(), before);
  const auto verified = ok({"verify"});
  EXPECT_NE(verified.out.find("keepsakes:      6,"), std::string::npos) << verified.out;
  EXPECT_NE(verified.out.find("All checks passed."), std::string::npos) << verified.out;
}

TEST_F(KeepsakesCli, ANewNoteReplacesTheOldOne) {
  ok({"note", kCatAnswer, "first"});
  ok({"note", kCatAnswer, "second"});
  const json k = kept();
  ASSERT_EQ(k["notes"].size(), 1u);
  EXPECT_EQ(k["notes"][0]["text"], "second");
}

TEST_F(KeepsakesCli, ALetterFromAFileKeepsItsMarkdown) {
  const auto path = cli_.dir() / "letter.md";
  std::ofstream(path, std::ios::binary) << "# Dear you\n\n- the eggs\n- the cat\n";
  ok({"letter", "--title", "List", "--date", "2025-12-31", "--file", path.string()});
  EXPECT_EQ(kept()["letters"][0]["text"], "# Dear you\n\n- the eggs\n- the cat");
}

TEST_F(KeepsakesCli, BadInputIsOneLineAndChangesNothing) {
  keep_one_of_each();
  const json before = kept();
  struct Case {
    std::vector<std::string> args;
    int status;
    std::string line;
  };
  const std::string missing = (cli_.dir() / "missing.md").string();
  const std::vector<Case> cases = {
      {{"star", "ffffffff"}, 1, "afterglow: no message matches 'ffffffff'\n"},
      {{"unstar", "ffffffff"}, 1, "afterglow: no message matches 'ffffffff'\n"},
      {{"rest", "ffffffff"}, 1, "afterglow: no conversation matches 'ffffffff'\n"},
      {{"note", "ffffffff", "x"}, 1, "afterglow: no conversation or message matches 'ffffffff'\n"},
      {{"note", kCatAnswer}, 2, "afterglow: give the text, or --file FILE\n"},
      {{"note", kCatAnswer, "x", "--file", missing},
       2,
       "afterglow: give the text or --file FILE, not both\n"},
      {{"note", kCatAnswer, "--file", missing},
       2,
       "afterglow: " + missing + ": cannot be opened\n"},
      {{"letter", "--title", "T", "--date", "2026-02-30", "x"},
       2,
       "afterglow: --date 2026-02-30: not a date; use YYYY-MM-DD\n"},
      {{"letter", "--title", "", "x"}, 2, "afterglow: --title: a letter needs a title\n"},
  };
  for (const auto& c : cases) {
    auto r = cli_.run(c.args);
    EXPECT_EQ(r.status, c.status) << c.args[0] << " " << c.args[1];
    EXPECT_EQ(r.err, c.line);
    EXPECT_EQ(r.out, "");
  }
  EXPECT_EQ(kept(), before);
}

TEST_F(KeepsakesCli, NothingKeptSaysHowToStart) {
  const auto r = ok({"keepsakes"});
  EXPECT_EQ(r.out.rfind("Nothing kept yet", 0), 0u) << r.out;
  EXPECT_EQ(kept(), json({{"stars", json::array()},
                          {"notes", json::array()},
                          {"letters", json::array()},
                          {"resting", json::array()}}));
}

// A conversation at rest stays in the archive and in `list`, but the book leaves it out unless
// asked for, by --include-resting or by naming it.
TEST_F(KeepsakesCli, ARestingConversationIsLeftOutOfTheBookUnlessAskedFor) {
  ok({"rest", "09ee1221"});
  auto book = [&](std::vector<std::string> extra) {
    const std::string out = (cli_.dir() / "book.html").string();
    std::vector<std::string> args = {"book", "--single-file", out};
    args.insert(args.end(), extra.begin(), extra.end());
    ok(args);
    return read_file(out);
  };
  const std::string resting = "Unchanged between exports";
  EXPECT_NE(ok({"list"}).out.find(resting), std::string::npos);
  const std::string without = book({});
  EXPECT_EQ(without.find(resting), std::string::npos);
  EXPECT_NE(without.find("Boiled eggs"), std::string::npos);
  EXPECT_NE(book({"--include-resting"}).find(resting), std::string::npos);
  EXPECT_NE(book({"--conversation", "09ee1221"}).find(resting), std::string::npos);
  ok({"wake", "09ee1221"});
  EXPECT_NE(book({}).find(resting), std::string::npos);
}

// is:starred finds exactly the starred messages in both engines, at once after starring (the
// index is not rebuilt), combined with words and negated like any other field.
TEST_F(KeepsakesCli, IsStarredSearchesTheStarredMessagesInBothEngines) {
  auto nodes = [&](const std::string& engine, const std::string& query) {
    const json r = json::parse(ok({"search", "--json", "--engine", engine, query}).out);
    std::vector<std::string> found;
    for (const auto& hit : r["hits"]) found.push_back(hit["node"].get<std::string>().substr(0, 8));
    std::sort(found.begin(), found.end());
    return found;
  };
  using Nodes = std::vector<std::string>;
  for (const std::string engine : {"xapian", "fts5"}) {
    EXPECT_EQ(nodes(engine, "is:starred"), Nodes{}) << engine;
    ok({"star", kEggAnswer});
    ok({"star", kCatAnswer});
    EXPECT_EQ(nodes(engine, "is:starred"), (Nodes{kCatAnswer, kEggAnswer})) << engine;
    EXPECT_EQ(nodes(engine, "is:starred Mochi"), Nodes{kCatAnswer}) << engine;
    EXPECT_EQ(nodes(engine, "Pebble -is:starred"), Nodes{}) << engine;
    ok({"unstar", kCatAnswer});
    EXPECT_EQ(nodes(engine, "is:starred"), Nodes{kEggAnswer}) << engine;
    EXPECT_EQ(nodes(engine, "Pebble -is:starred"), Nodes{kCatAnswer}) << engine;
    ok({"unstar", kEggAnswer});
  }
  const auto bad = cli_.run({"search", "is:forgotten"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(bad.err, "afterglow: bad query: is:forgotten is unknown; use is:starred\n");
}

// A star moved onto another conversation's node (damage, or a careless hand with sqlite3) is
// named by verify, which then fails.
TEST_F(KeepsakesCli, VerifyNamesAStarThatPointsElsewhere) {
  ok({"star", kCatAnswer});
  ok({"letter", "--title", "T", "--date", "2026-01-01", "x"});
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(cli_.archive().string().c_str(), &db), SQLITE_OK);
  const char* damage =
      "UPDATE keepsake_stars SET node = (SELECT n.id FROM nodes n JOIN messages m ON m.node = "
      "n.id JOIN conversations c ON c.id = n.conversation_id WHERE c.title = 'Boiled eggs' "
      "AND m.role = 'user' LIMIT 1);"
      "UPDATE keepsake_letters SET letter_date = 'soon';";
  ASSERT_EQ(sqlite3_exec(db, damage, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  const auto r = cli_.run({"verify"});
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("): not a message of the conversation it was starred in"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("problem: letter 1: date 'soon' is not YYYY-MM-DD"), std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace afterglow::testing
