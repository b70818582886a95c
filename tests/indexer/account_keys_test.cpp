// Two accounts holding one conversation id (and the same node ids) with different text: both
// engines keep a document per copy, find each copy by its own words, snippet it from its own
// text and tell which account a hit is from; indexes written before the account was part of the
// key are rebuilt rather than trusted.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "afterglow/indexer/check.h"
#include "afterglow/indexer/search.h"
#include "afterglow/model/errors.h"
#include "afterglow/store/sqlite.h"
#include "indexer/corpus.h"
#include "store/store_test_util.h"

namespace afterglow::indexer {
namespace {

using store::testing::import_all;
using store::testing::make_conversation;
using store::testing::ScratchDir;
using store::testing::survey_for;

SearchOptions on(Engine engine) {
  SearchOptions options;
  options.engine = engine;
  options.per_conversation = 3;
  return options;
}

class AccountKeys : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::use_test_time_zone();
    path_ = dir_ / "archive.afterglow";
    archive_ = store::Archive::open(path_, store::Archive::Mode::read_write);
    import_all(*archive_, survey_for("user-a"),
               {make_conversation("shared", "Garden", 1715527800,
                                  {{"user", "Where is the zucchini recipe?"},
                                   {"assistant", "In the green notebook."}})});
    import_all(*archive_, survey_for("user-b"),
               {make_conversation("shared", "Mountains", 1715527800,
                                  {{"user", "How tall is the Matterhorn?"},
                                   {"assistant", "About 4478 metres, a green giant."}})});
  }

  ScratchDir dir_;
  std::filesystem::path path_;
  std::unique_ptr<store::Archive> archive_;
};

TEST_F(AccountKeys, EachCopyHasItsOwnDocumentsInBothEngines) {
  auto filled = update_indexes(*archive_);
  EXPECT_EQ(filled.xapian_messages, 4);
  EXPECT_EQ(filled.fts5_messages, 4);
  for (Engine engine : {Engine::xapian, Engine::fts5}) {
    SCOPED_TRACE(to_string(engine));
    auto a = search(*archive_, "zucchini", on(engine));
    ASSERT_EQ(a.hits.size(), 1u);
    EXPECT_EQ(a.hits[0].account, "user-a");
    EXPECT_EQ(a.hits[0].source, "chatgpt");
    EXPECT_EQ(a.hits[0].title, "Garden");
    EXPECT_NE(plain_snippet(a.hits[0].snippet).find("zucchini"), std::string::npos)
        << a.hits[0].snippet;

    auto b = search(*archive_, "Matterhorn", on(engine));
    ASSERT_EQ(b.hits.size(), 1u);
    EXPECT_EQ(b.hits[0].account, "user-b");
    EXPECT_EQ(b.hits[0].title, "Mountains");
    EXPECT_NE(plain_snippet(b.hits[0].snippet).find("Matterhorn"), std::string::npos)
        << b.hits[0].snippet;
    EXPECT_EQ(a.hits[0].node, b.hits[0].node);

    // A word in both copies: one hit from each, each snippeted from its own text, and the
    // per-conversation limit counts each copy on its own.
    SearchOptions one = on(engine);
    one.per_conversation = 1;
    auto both = search(*archive_, "green", one);
    ASSERT_EQ(both.hits.size(), 2u);
    for (const auto& hit : both.hits) {
      const std::string text = plain_snippet(hit.snippet);
      EXPECT_NE(text.find(hit.account == "user-a" ? "notebook" : "metres"), std::string::npos)
          << hit.account << ": " << text;
    }
    EXPECT_NE(both.hits[0].account, both.hits[1].account);

    auto only_b = search(*archive_, "account:user-b", on(engine));
    ASSERT_EQ(only_b.hits.size(), 2u);
    for (const auto& hit : only_b.hits) EXPECT_EQ(hit.account, "user-b");
    EXPECT_TRUE(search(*archive_, "account:user-a Matterhorn", on(engine)).hits.empty());
  }
  for (const auto& check : check_indexes(*archive_)) {
    EXPECT_TRUE(check.ok()) << to_string(check.engine);
    EXPECT_EQ(check.documents, 4) << to_string(check.engine);
  }
}

TEST_F(AccountKeys, ReindexingOneCopyLeavesTheOtherAlone) {
  update_indexes(*archive_);
  // A newer export of account b changes its copy; a's copy keeps its documents.
  import_all(*archive_, survey_for("user-b"),
             {make_conversation(
                 "shared", "Mountains", 1715527800,
                 {{"user", "How tall is the Eiger?"}, {"assistant", "About 3967 metres."}})});
  update_indexes(*archive_);
  for (Engine engine : {Engine::xapian, Engine::fts5}) {
    SCOPED_TRACE(to_string(engine));
    EXPECT_EQ(search(*archive_, "zucchini", on(engine)).hits.size(), 1u);
    EXPECT_TRUE(search(*archive_, "Matterhorn", on(engine)).hits.empty());
    auto eiger = search(*archive_, "Eiger", on(engine));
    ASSERT_EQ(eiger.hits.size(), 1u);
    EXPECT_EQ(eiger.hits[0].account, "user-b");
  }
}

// An FTS5 index made before the account was part of its key (one row per conversation and
// node) is dropped and built again by the next update, not searched as it is.
TEST_F(AccountKeys, AnFts5IndexOfTheOldKeyIsRebuilt) {
  sqlite3* db = archive_->database().handle();
  ASSERT_EQ(sqlite3_exec(db, R"sql(
CREATE TABLE search_message (id INTEGER PRIMARY KEY, conversation TEXT NOT NULL,
  node TEXT NOT NULL, seq INTEGER NOT NULL, source TEXT NOT NULL, account TEXT NOT NULL,
  title TEXT NOT NULL, role TEXT NOT NULL, model TEXT NOT NULL, kind TEXT NOT NULL,
  create_time REAL, visible INTEGER NOT NULL, branch INTEGER NOT NULL, hidden INTEGER NOT NULL,
  has_image INTEGER NOT NULL, has_audio INTEGER NOT NULL, has_code INTEGER NOT NULL,
  has_branch INTEGER NOT NULL, UNIQUE (conversation, node));
CREATE VIRTUAL TABLE search_text USING fts5(text, title, tokenize = 'trigram');
CREATE TABLE search_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO search_state VALUES ('fts5.seq', '999');
)sql",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  // Its seq says it is current; its format says it is not.
  EXPECT_FALSE(index_is_current(*archive_, Engine::fts5));
  EXPECT_THROW(search(*archive_, "zucchini", on(Engine::fts5)), ArchiveError);
  EXPECT_EQ(update_indexes(*archive_).fts5_messages, 4);
  EXPECT_TRUE(index_is_current(*archive_, Engine::fts5));
  EXPECT_EQ(search(*archive_, "Matterhorn", on(Engine::fts5)).hits.at(0).account, "user-b");
  // A rebuild keeps the format: the index stays current and searchable.
  rebuild_indexes(*archive_);
  EXPECT_TRUE(index_is_current(*archive_, Engine::fts5));
  EXPECT_EQ(search(*archive_, "zucchini", on(Engine::fts5)).hits.size(), 1u);
}

}  // namespace
}  // namespace afterglow::indexer
