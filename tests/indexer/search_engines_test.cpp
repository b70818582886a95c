// Table-driven searches over a hand-made corpus, run on both engines: query -> expected
// (conversation, node) hits.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "afterglow/indexer/index.h"
#include "afterglow/model/errors.h"
#include "afterglow/store/sqlite.h"
#include "indexer/corpus.h"

namespace afterglow::indexer {
namespace {

namespace fs = std::filesystem;

class Engines : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    testing::use_test_time_zone();
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("afterglow-indexer-test-" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    const auto docs = testing::corpus();
    {
      auto xapian = open_xapian_index(*dir_ / "index.xapian", true);
      for (const auto& d : docs) xapian->add(d);
      xapian->commit(static_cast<int64_t>(docs.size()));
    }
    db_ = new store::Database((*dir_ / "archive.sqlite").string(),
                              SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    {
      auto fts5 = open_fts5_index(*db_, true);
      for (const auto& d : docs) fts5->add(d);
      fts5->commit(static_cast<int64_t>(docs.size()));
    }
    xapian_ = open_xapian_index(*dir_ / "index.xapian", false, testing::text_of(docs)).release();
    fts5_ = open_fts5_index(*db_, false).release();
  }

  static void TearDownTestSuite() {
    delete xapian_;
    delete fts5_;
    delete db_;
    fs::remove_all(*dir_);
    delete dir_;
  }

  static Results run(Engine engine, const std::string& query, SearchOptions options = {}) {
    options.engine = engine;
    options.limit = 100;
    const Index& index = engine == Engine::xapian ? *xapian_ : *fts5_;
    return index.search(parse_query(query), options);
  }

  // The hits as sorted "conversation/node" strings.
  static std::set<std::string> hit_set(const Results& results) {
    std::set<std::string> out;
    for (const auto& hit : results.hits) out.insert(hit.conversation + "/" + hit.node);
    return out;
  }

  static inline fs::path* dir_ = nullptr;
  static inline store::Database* db_ = nullptr;
  static inline Index* xapian_ = nullptr;
  static inline Index* fts5_ = nullptr;
};

struct Case {
  const char* query;
  std::set<std::string> expected;
  bool include_all = false;
};

// Queries whose answer is the same on both engines: substrings that are also whole words or
// CJK runs, every field filter, phrases, negation, grouping, dates in a UTC+8 zone.
const Case kBothEngines[] = {
    // Chinese of 1, 2, 3 and 6+ characters.
    {"压", {"conv-stress/s1", "conv-stress/s2"}},
    {"压力", {"conv-stress/s1", "conv-stress/s2"}},
    {"睡不着", {"conv-stress/s1"}},
    {"可以试试深呼吸", {"conv-stress/s2"}},
    {"线性代数和概率论", {"conv-mixed/m2"}},
    {"天气", {"conv-mixed/m4"}},
    // Mixed Chinese and English.
    {"学习 machine", {"conv-mixed/m1", "conv-mixed/m2"}},
    {"learning 基础", {"conv-mixed/m1", "conv-mixed/m2"}},
    // English words, phrases, negation, OR, parentheses, prefix.
    {"Asimov", {"conv-asimov/a1", "conv-asimov/a2"}},
    {"\"Foundation series\"", {"conv-asimov/a1"}},
    {"Asimov -psychohistory", {"conv-asimov/a1"}},
    {"Asimov NOT psychohistory", {"conv-asimov/a1"}},
    {"psychohistory OR 睡不着", {"conv-asimov/a2", "conv-stress/s1"}},
    {"(dict OR 深呼吸) value", {"conv-code/k1"}},
    {"(dict OR 深呼吸) (value OR 作息)", {"conv-code/k1", "conv-stress/s2"}},
    {"psycho*", {"conv-asimov/a2"}},
    {"Asimov AND Foundation", {"conv-asimov/a1", "conv-asimov/a2"}},
    // Citation markers do not fuse words, and their ids are not text.
    {"Paris", {"conv-cite/c1"}},
    {"turn0search1", {}},
    {"\"capital of France\"", {"conv-cite/c1"}},
    // Fields.
    {"model:gpt-4o", {"conv-stress/s2"}},
    {"model:GPT-4o*", {"conv-stress/s2", "conv-code/k2"}},
    {"model:gpt-4|claude-3-opus", {"conv-asimov/a2", "conv-mixed/m2"}},
    {"压力 role:user", {"conv-stress/s1"}},
    {"Asimov role:user|assistant", {"conv-asimov/a1", "conv-asimov/a2"}},
    {"-role:user in:conv-mixed", {"conv-mixed/m2"}},
    {"title:Asimov", {"conv-asimov/a1", "conv-asimov/a2"}},
    {"title:\"talked about\" future", {"conv-asimov/a2"}},
    {"title:睡眠", {"conv-stress/s1", "conv-stress/s2"}},
    {"in:conv-asimov", {"conv-asimov/a1", "conv-asimov/a2"}},
    {"in:conv-asi", {"conv-asimov/a1", "conv-asimov/a2"}},
    {"has:image", {"conv-mixed/m3"}},
    {"has:audio", {"conv-mixed/m4"}},
    {"has:code", {"conv-code/k2"}},
    {"has:branch", {"conv-asimov/a1", "conv-asimov/a2"}},
    {"has:image|audio", {"conv-mixed/m3", "conv-mixed/m4"}},
    {"source:claude role:assistant", {"conv-mixed/m2"}},
    {"account:acct-2", {"conv-code/k1", "conv-code/k2"}},
    // Dates in Asia/Shanghai: 23:30 on the 12th and 00:10 on the 13th are both the 12th in UTC.
    {"压力 after:2024-05-13", {"conv-stress/s2"}},
    {"压力 before:2024-05-13", {"conv-stress/s1"}},
    {"压力 date:2024-05-13", {"conv-stress/s2"}},
    {"压力 date:2024-05-12", {"conv-stress/s1"}},
    {"压力 date:2024-05", {"conv-stress/s1", "conv-stress/s2"}},
    {"date:2023", {"conv-asimov/a1", "conv-asimov/a2"}},
    {"after:2024-05-13 before:2025", {"conv-stress/s2", "conv-cite/c1"}},
    {"date:2024-03 -has:code", {"conv-code/k1"}},
    // Branches, hidden messages and reasoning: only with include_all.
    {"robots", {}},
    {"robots", {"conv-asimov/a3"}, true},
    {"has:branch", {"conv-asimov/a1", "conv-asimov/a2", "conv-asimov/a3"}, true},
    {"python", {"conv-code/k1"}},
    {"python", {"conv-code/k1", "conv-code/k3"}, true},
    {"lambda", {"conv-code/k2"}},
    {"lambda", {"conv-code/k2", "conv-code/k4"}, true},
    {"in:conv-code -sort", {}},
    {"in:conv-code -sort", {"conv-code/k3"}, true},
    {"in:conv-code -lambda", {"conv-code/k1", "conv-code/k3"}, true},
};

TEST_F(Engines, TableOfQueriesOnBothEngines) {
  for (Engine engine : {Engine::xapian, Engine::fts5}) {
    for (const auto& c : kBothEngines) {
      SearchOptions options;
      options.include_all = c.include_all;
      EXPECT_EQ(hit_set(run(engine, c.query, options)), c.expected)
          << to_string(engine) << ": " << c.query << (c.include_all ? " (all)" : "");
    }
  }
}

TEST_F(Engines, BothEnginesAgreeOnPlainSubstrings) {
  for (const char* query : {"压力", "深呼吸", "machine", "Foundation", "学习", "value", "图片"}) {
    auto x = hit_set(run(Engine::xapian, query));
    auto f = hit_set(run(Engine::fts5, query));
    EXPECT_FALSE(x.empty()) << query;
    EXPECT_EQ(x, f) << query;
  }
}

TEST_F(Engines, XapianStemsEnglishWordsAndFts5MatchesExactSubstrings) {
  // "sorting" is stemmed to "sort" by Xapian; as a substring it is only in hidden reasoning.
  EXPECT_EQ(hit_set(run(Engine::xapian, "sorting")),
            (std::set<std::string>{"conv-code/k1", "conv-code/k2"}));
  EXPECT_EQ(hit_set(run(Engine::fts5, "sorting")), std::set<std::string>{});
  // A substring inside a word is found only by the trigram engine.
  EXPECT_EQ(hit_set(run(Engine::fts5, "choh")), std::set<std::string>{"conv-asimov/a2"});
  EXPECT_EQ(hit_set(run(Engine::xapian, "choh")), std::set<std::string>{});
  // Code with punctuation, as typed.
  EXPECT_EQ(hit_set(run(Engine::fts5, "\"kv: kv[1]\"")), std::set<std::string>{"conv-code/k2"});
}

TEST_F(Engines, HitsCarryTheirFields) {
  for (Engine engine : {Engine::xapian, Engine::fts5}) {
    SearchOptions options;
    options.include_all = true;
    auto results = run(engine, "robots", options);
    ASSERT_EQ(results.hits.size(), 1u) << to_string(engine);
    const Hit& hit = results.hits.front();
    EXPECT_EQ(hit.title, "The night we talked about Asimov");
    EXPECT_EQ(hit.role, "assistant");
    EXPECT_EQ(hit.model, "gpt-4");
    ASSERT_TRUE(hit.create_time.has_value());
    EXPECT_DOUBLE_EQ(*hit.create_time, 1698930420);
    EXPECT_TRUE(hit.branch);
    EXPECT_FALSE(hit.hidden);

    auto hidden = run(engine, "lambda thinking", options);
    ASSERT_EQ(hidden.hits.size(), 1u) << to_string(engine);
    EXPECT_TRUE(hidden.hits.front().hidden);
    EXPECT_FALSE(hidden.hits.front().branch);
  }
}

TEST_F(Engines, Fts5SnippetMarksTheExactMatch) {
  auto results = run(Engine::fts5, "深呼吸");
  ASSERT_EQ(results.hits.size(), 1u);
  EXPECT_EQ(results.hits.front().snippet, "压力大的时候，可以试试\x01深呼吸\x02和规律作息。");
  auto short_term = run(Engine::fts5, "天气");
  ASSERT_EQ(short_term.hits.size(), 1u);
  EXPECT_EQ(short_term.hits.front().snippet, "语音消息：今天\x01天气\x02怎么样");
}

TEST_F(Engines, XapianSnippetHighlightsWordsAndCjk) {
  auto english = run(Engine::xapian, "psychohistory");
  ASSERT_EQ(english.hits.size(), 1u);
  EXPECT_EQ(english.hits.front().snippet,
            "Asimov wrote the Foundation trilogy; \x01psychohistory\x02 predicts the future.");
  auto chinese = run(Engine::xapian, "天气");
  ASSERT_EQ(chinese.hits.size(), 1u);
  EXPECT_EQ(plain_snippet(chinese.hits.front().snippet), "语音消息：今天天气怎么样");
  EXPECT_EQ(chinese.hits.front().snippet, "语音消息：今天\x01天气\x02怎么样");
  // A lone character of the query elsewhere in the text is not highlighted.
  auto two = run(Engine::xapian, "压力");
  ASSERT_EQ(two.hits.size(), 2u);
  for (const auto& hit : two.hits) {
    EXPECT_NE(hit.snippet.find("\x01压力\x02"), std::string::npos) << hit.snippet;
    EXPECT_EQ(hit.snippet.find("\x01力\x02"), std::string::npos) << hit.snippet;
  }
  auto mixed = run(Engine::xapian, "学习 machine");
  for (const auto& hit : mixed.hits) {
    EXPECT_NE(hit.snippet.find("\x01学习\x02"), std::string::npos) << hit.snippet;
    EXPECT_NE(hit.snippet.find("\x01machine\x02"), std::string::npos) << hit.snippet;
  }
}

TEST_F(Engines, SortsByTimeBothWays) {
  for (Engine engine : {Engine::xapian, Engine::fts5}) {
    SearchOptions options;
    options.sort = Sort::newest;
    auto newest = run(engine, "压力 OR Asimov", options);
    ASSERT_EQ(newest.hits.size(), 4u);
    EXPECT_EQ(newest.hits.front().node, "s2");
    EXPECT_EQ(newest.hits.back().node, "a1");
    options.sort = Sort::oldest;
    auto oldest = run(engine, "压力 OR Asimov", options);
    ASSERT_EQ(oldest.hits.size(), 4u);
    EXPECT_EQ(oldest.hits.front().node, "a1");
    EXPECT_EQ(oldest.hits.back().node, "s2");
  }
}

TEST_F(Engines, LimitOffsetAndCollapsePerConversation) {
  for (Engine engine : {Engine::xapian, Engine::fts5}) {
    SearchOptions options;
    options.sort = Sort::oldest;
    options.per_conversation = 1;
    auto results = run(engine, "压力 OR Asimov", options);
    ASSERT_EQ(results.hits.size(), 2u) << to_string(engine);
    EXPECT_EQ(results.hits[0].conversation, "conv-asimov");
    EXPECT_EQ(results.hits[1].conversation, "conv-stress");
    EXPECT_EQ(results.total, 2);

    SearchOptions page;
    page.engine = engine;
    page.sort = Sort::oldest;
    page.limit = 2;
    page.offset = 1;
    const Index& index = engine == Engine::xapian ? *xapian_ : *fts5_;
    auto second = index.search(parse_query("压力 OR Asimov"), page);
    ASSERT_EQ(second.hits.size(), 2u);
    EXPECT_EQ(second.hits[0].node, "a2");
    EXPECT_EQ(second.hits[1].node, "s1");
    EXPECT_EQ(second.total, 4);
  }
}

TEST_F(Engines, FacetsCountModelsAndLocalYears) {
  for (Engine engine : {Engine::xapian, Engine::fts5}) {
    auto results = run(engine, "压力 OR Asimov OR 学习");
    std::vector<std::pair<std::string, int64_t>> models, years;
    for (const auto& f : results.facets_by_model) models.emplace_back(f.value, f.count);
    for (const auto& f : results.facets_by_year) years.emplace_back(f.value, f.count);
    std::sort(models.begin(), models.end());
    EXPECT_EQ(models, (std::vector<std::pair<std::string, int64_t>>{
                          {"claude-3-opus", 1}, {"gpt-4", 1}, {"gpt-4o", 1}}))
        << to_string(engine);
    EXPECT_EQ(years,
              (std::vector<std::pair<std::string, int64_t>>{{"2023", 2}, {"2024", 2}, {"2025", 2}}))
        << to_string(engine);
    EXPECT_EQ(results.total, 6);
  }
}

TEST_F(Engines, WithoutFacetsTheSameHitsComeWithNoCounts) {
  for (Engine engine : {Engine::xapian, Engine::fts5}) {
    for (const std::string query : {"压力 OR Asimov OR 学习", "robots", "date:2023"}) {
      SearchOptions options;
      const auto with = run(engine, query, options);
      options.facets = false;
      const auto without = run(engine, query, options);
      EXPECT_EQ(hit_set(without), hit_set(with)) << to_string(engine) << " " << query;
      EXPECT_EQ(without.total, with.total) << to_string(engine) << " " << query;
      EXPECT_TRUE(without.facets_by_model.empty()) << to_string(engine);
      EXPECT_TRUE(without.facets_by_year.empty()) << to_string(engine);
    }
  }
}

TEST_F(Engines, XapianSuggestsSpellingWhenNothingMatches) {
  auto results = run(Engine::xapian, "asimv foundation");
  EXPECT_TRUE(results.hits.empty());
  EXPECT_EQ(results.did_you_mean, "asimov foundation");
  EXPECT_EQ(run(Engine::xapian, "Asimov").did_you_mean, "");
}

TEST_F(Engines, ReplacingAMessageKeepsOneDocument) {
  auto docs = testing::corpus();
  Document changed = docs.front();  // conv-stress/s1
  changed.text = "今天心情很好";
  changed.seq = 100;
  fs::path folder = *dir_ / "replace.xapian";
  store::Database db(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  {
    auto xapian = open_xapian_index(folder, true);
    auto fts5 = open_fts5_index(db, true);
    for (Index* index : {xapian.get(), fts5.get()}) {
      for (const auto& d : docs) index->add(d);
      index->commit(static_cast<int64_t>(docs.size()));
      index->add(changed);
      index->commit(100);
      EXPECT_EQ(index->last_seq(), 100);
      EXPECT_EQ(hit_set(index->search(parse_query("睡不着"), {})), std::set<std::string>{});
      EXPECT_EQ(hit_set(index->search(parse_query("心情"), {})),
                std::set<std::string>{"conv-stress/s1"});
      // The old text's short terms went with it (FTS5: out of search_cjk, under the same rowid).
      EXPECT_EQ(hit_set(index->search(parse_query("压力"), {})),
                std::set<std::string>{"conv-stress/s2"});
      EXPECT_EQ(hit_set(index->search(parse_query("压"), {})),
                std::set<std::string>{"conv-stress/s2"});
      EXPECT_EQ(index->search(parse_query("in:conv-stress"), {}).total, 2);
    }
  }
}

TEST_F(Engines, XapianFolderDescribesItself) {
  auto reopened = open_xapian_index(*dir_ / "index.xapian", false);
  EXPECT_EQ(reopened->last_seq(), static_cast<int64_t>(testing::corpus().size()));
  // Read with Xapian alone, as another program would.
  Xapian::Database db((*dir_ / "index.xapian").string());
  EXPECT_EQ(db.get_metadata("afterglow.schema"), schema_description());
  EXPECT_NE(db.get_metadata("afterglow.schema").find("model\tXM\t2\tkeyword"), std::string::npos);
  EXPECT_EQ(db.get_metadata("afterglow.seq"), std::to_string(testing::corpus().size()));
  EXPECT_EQ(db.get_metadata("afterglow.cjk"), "ngram");
  EXPECT_EQ(db.get_doccount(), testing::corpus().size());
  EXPECT_EQ(db.get_termfreq("XMgpt-4o"), 1u);
  EXPECT_EQ(db.get_termfreq("Gconv-code"), 4u);
  // Messages shown by default in the shown shards, the other three in the hidden ones.
  Xapian::doccount shown = 0, hidden = 0;
  for (int s = 0; s < 2; ++s) {
    const auto name = std::to_string(s);
    shown += Xapian::Database((*dir_ / "index.xapian" / ("shown-" + name)).string()).get_doccount();
    hidden +=
        Xapian::Database((*dir_ / "index.xapian" / ("hidden-" + name)).string()).get_doccount();
  }
  EXPECT_EQ(shown, testing::corpus().size() - 3);
  EXPECT_EQ(hidden, 3u);
}

TEST_F(Engines, MissingIndexIsAClearError) {
  EXPECT_THROW(open_xapian_index(*dir_ / "absent.xapian", false), ArchiveError);
  store::Database db(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  auto fts5 = open_fts5_index(db, false);
  EXPECT_EQ(fts5->last_seq(), 0);
  EXPECT_THROW(fts5->search(parse_query("x"), {}), ArchiveError);
}

}  // namespace
}  // namespace afterglow::indexer

namespace afterglow::indexer {
namespace {

// With more matches than the facet sample, counts are extrapolated and say so; they still add
// up to about the total and keep the proportions of the models.
TEST(XapianFacets, LargeResultSetsGetEstimatedFacets) {
  testing::use_test_time_zone();
  auto dir = fs::temp_directory_path() / ("afterglow-facets-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  constexpr int kDocs = 3000;
  {
    auto xapian = open_xapian_index(dir, true);
    for (int i = 0; i < kDocs; ++i) {
      // Documents of different lengths rank differently, which lets Xapian stop early.
      std::string text = "garden";
      for (int w = 0; w < i % 40; ++w) text += " tomatoes";
      auto d = testing::message("c" + std::to_string(i), "n", "user", text, 1.7e9 + i);
      d.model = i % 3 == 0 ? "gpt-4" : "gpt-4o";
      xapian->add(d);
    }
    xapian->commit(kDocs);
  }
  auto xapian = open_xapian_index(dir, false);
  SearchOptions options;
  options.limit = 10;
  auto results = xapian->search(parse_query("garden"), options);
  EXPECT_TRUE(results.facets_estimated);
  EXPECT_EQ(results.hits.size(), 10u);
  int64_t sum = 0, gpt4 = 0;
  for (const auto& f : results.facets_by_model) {
    sum += f.count;
    if (f.value == "gpt-4") gpt4 = f.count;
  }
  EXPECT_NEAR(static_cast<double>(sum), kDocs, kDocs * 0.05);
  EXPECT_NEAR(static_cast<double>(gpt4), kDocs / 3.0, kDocs * 0.1);
  auto few = xapian->search(parse_query("garden in:c7"), options);
  EXPECT_FALSE(few.facets_estimated);
  xapian.reset();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace afterglow::indexer
