// The one- and two-character CJK terms of the FTS5 engine: how text is cut, and that a short
// Chinese query is looked up in search_cjk rather than read out of every message.
#include "cjk_grams.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "afterglow/indexer/index.h"
#include "afterglow/store/sqlite.h"
#include "fts5_query.h"
#include "indexer/corpus.h"

namespace afterglow::indexer {
namespace {

TEST(CjkGrams, EachCharacterAndEachAdjacentPairOfARun) {
  EXPECT_EQ(cjk_grams("压力很大"), "压 力 压力 很 力很 大 很大");
  // Anything else ends a run: no pair is made across it.
  EXPECT_EQ(cjk_grams("我a压 力"), "我 压 力");
  EXPECT_EQ(cjk_grams("Kyoto で"), "で");
  EXPECT_EQ(cjk_grams("plain English"), "");
  EXPECT_EQ(cjk_grams("\xff压"), "压");  // an invalid byte is not a character of a run
}

TEST(CjkGrams, OnlyShortAllCjkTermsAreLookedUp) {
  EXPECT_TRUE(is_cjk_gram_term("压"));
  EXPECT_TRUE(is_cjk_gram_term("压力"));
  EXPECT_FALSE(is_cjk_gram_term("睡不着"));  // the trigrams answer it
  EXPECT_FALSE(is_cjk_gram_term("压a"));
  EXPECT_FALSE(is_cjk_gram_term("ai"));
  EXPECT_FALSE(is_cjk_gram_term(""));
}

TEST(CjkGrams, ShortChineseQueriesUseTheGramTable) {
  const Fts5Query one = to_fts5_query(parse_query("压力").root);
  EXPECT_NE(one.where.find("search_cjk MATCH"), std::string::npos) << one.where;
  EXPECT_EQ(one.where.find("LIKE"), std::string::npos) << one.where;
  const Fts5Query title = to_fts5_query(parse_query("title:睡眠 压").root);
  EXPECT_EQ(title.where.find("LIKE"), std::string::npos) << title.where;
  // Two Latin letters are still matched as a substring of the text.
  EXPECT_NE(to_fts5_query(parse_query("ai").root).where.find("LIKE"), std::string::npos);
}

TEST(CjkGrams, TheGramTableHoldsOnlyRowsWithCjkAndIsReadableWithSqlite) {
  testing::use_test_time_zone();
  store::Database db(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  const auto docs = testing::corpus();
  {
    auto fts5 = open_fts5_index(db, true);
    for (const auto& d : docs) fts5->add(d);
    fts5->commit(static_cast<int64_t>(docs.size()));
  }
  auto count = [&](const std::string& sql) {
    store::Statement st(db, sql);
    EXPECT_TRUE(st.step());
    return st.int64(0);
  };
  // The built-in ascii tokenizer reads the grams: plain SQL finds them.
  EXPECT_EQ(count("SELECT count(*) FROM search_cjk WHERE search_cjk MATCH 'text : 压力'"), 2);
  const int64_t with_cjk = count(
      "SELECT count(*) FROM search_text WHERE text GLOB '*[一-龥]*' OR title GLOB '*[一-龥]*'");
  EXPECT_GT(with_cjk, 0);
  EXPECT_LT(with_cjk, count("SELECT count(*) FROM search_text"));
  EXPECT_EQ(count("SELECT count(*) FROM search_cjk WHERE search_cjk MATCH 'asimov'"), 0);
  {
    auto fts5 = open_fts5_index(db, true);
    fts5->clear();
    fts5->commit(0);
  }
  EXPECT_EQ(count("SELECT count(*) FROM search_cjk WHERE search_cjk MATCH '压'"), 0);
}

}  // namespace
}  // namespace afterglow::indexer
