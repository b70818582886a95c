// Both indexes driven from a real archive: filled from its messages, updated incrementally after
// a re-import, rebuilt, and the Xapian folder recreated after it is deleted.
#include <gtest/gtest.h>

#include <set>

#include "afterglow/indexer/search.h"
#include "afterglow/model/errors.h"
#include "indexer/corpus.h"
#include "store/store_test_util.h"

namespace afterglow::indexer {
namespace {

using store::testing::import_all;
using store::testing::make_conversation;
using store::testing::ScratchDir;
using store::testing::survey_for;
using store::testing::Turn;

std::set<std::string> nodes(const Results& results) {
  std::set<std::string> out;
  for (const auto& hit : results.hits) out.insert(hit.node);
  return out;
}

SearchOptions on(Engine engine) {
  SearchOptions options;
  options.engine = engine;
  return options;
}

class ArchiveIndexes : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::use_test_time_zone();
    path_ = dir_ / "archive.afterglow";
    archive_ = store::Archive::open(path_, store::Archive::Mode::read_write);
    import_all(*archive_, survey_for("user-1"),
               {make_conversation("c-stress", "压力与睡眠", 1715527800,
                                  {{"user", "最近工作压力很大，晚上睡不着。"},
                                   {"assistant", "压力大的时候，可以试试深呼吸。"}}),
                make_conversation("c-asimov", "Asimov", 1698930000,
                                  {{"user", "Tell me about the Foundation series."},
                                   {"assistant", "Psychohistory predicts the future."}})});
  }

  ScratchDir dir_;
  std::filesystem::path path_;
  std::unique_ptr<store::Archive> archive_;
};

TEST_F(ArchiveIndexes, ImportThenSearchBothEngines) {
  EXPECT_FALSE(index_is_current(*archive_, Engine::xapian));
  EXPECT_FALSE(index_is_current(*archive_, Engine::fts5));
  auto first = update_indexes(*archive_);
  EXPECT_EQ(first.xapian_messages, 4);
  EXPECT_EQ(first.fts5_messages, 4);
  EXPECT_TRUE(index_is_current(*archive_, Engine::xapian));
  EXPECT_TRUE(index_is_current(*archive_, Engine::fts5));
  EXPECT_TRUE(std::filesystem::is_directory(xapian_path(path_)));

  for (Engine engine : {Engine::xapian, Engine::fts5}) {
    auto results = search(*archive_, "压力 role:assistant", on(engine));
    ASSERT_EQ(results.hits.size(), 1u) << to_string(engine);
    EXPECT_EQ(results.hits[0].conversation, "c-stress");
    EXPECT_EQ(results.hits[0].node, "c-stress-n2");
    EXPECT_EQ(results.hits[0].title, "压力与睡眠");
    EXPECT_EQ(results.hits[0].model, "gpt-4o");
    EXPECT_EQ(nodes(search(*archive_, "title:asimov", on(engine))),
              (std::set<std::string>{"c-asimov-n1", "c-asimov-n2"}));
  }
  // Nothing new: nothing to do.
  auto again = update_indexes(*archive_);
  EXPECT_EQ(again.xapian_messages, 0);
  EXPECT_EQ(again.fts5_messages, 0);
}

TEST_F(ArchiveIndexes, UpdateIndexesOnlyNewAndChangedMessages) {
  update_indexes(*archive_);
  // A newer export: one conversation continues, one is new, one is unchanged.
  import_all(*archive_, survey_for("user-1"),
             {make_conversation("c-stress", "压力与睡眠", 1715527800,
                                {{"user", "最近工作压力很大，晚上睡不着。"},
                                 {"assistant", "压力大的时候，可以试试深呼吸。"},
                                 {"user", "谢谢，我会试试冥想。"}}),
              make_conversation("c-asimov", "Asimov", 1698930000,
                                {{"user", "Tell me about the Foundation series."},
                                 {"assistant", "Psychohistory predicts the future."}}),
              make_conversation("c-new", "Robots", 1722474000,
                                {{"user", "What are the Three Laws of Robotics?"}})});
  auto update = update_indexes(*archive_);
  EXPECT_GE(update.xapian_messages, 2);
  EXPECT_LT(update.xapian_messages, 6);
  EXPECT_EQ(update.xapian_messages, update.fts5_messages);
  for (Engine engine : {Engine::xapian, Engine::fts5}) {
    EXPECT_EQ(nodes(search(*archive_, "冥想", on(engine))), std::set<std::string>{"c-stress-n3"});
    EXPECT_EQ(nodes(search(*archive_, "Robotics", on(engine))), std::set<std::string>{"c-new-n1"});
    // Replaced, not duplicated.
    EXPECT_EQ(search(*archive_, "压力", on(engine)).total, 2) << to_string(engine);
  }
}

TEST_F(ArchiveIndexes, DeletedXapianFolderIsRebuiltFromTheArchive) {
  update_indexes(*archive_);
  std::filesystem::remove_all(xapian_path(path_));
  EXPECT_FALSE(index_is_current(*archive_, Engine::xapian));
  EXPECT_TRUE(index_is_current(*archive_, Engine::fts5));
  EXPECT_THROW(search(*archive_, "Foundation", on(Engine::xapian)), ArchiveError);
  auto update = update_indexes(*archive_);
  EXPECT_EQ(update.xapian_messages, 4);
  EXPECT_EQ(update.fts5_messages, 0);
  EXPECT_EQ(nodes(search(*archive_, "Foundation", on(Engine::xapian))),
            std::set<std::string>{"c-asimov-n1"});
}

TEST_F(ArchiveIndexes, RebuildIndexesEverything) {
  update_indexes(*archive_);
  std::vector<IndexProgress> seen;
  auto rebuilt = rebuild_indexes(*archive_, [&](const IndexProgress& p) { seen.push_back(p); });
  EXPECT_EQ(rebuilt.xapian_messages, 4);
  EXPECT_EQ(rebuilt.fts5_messages, 4);
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.back().engine, Engine::fts5);
  EXPECT_EQ(seen.back().done, 4);
  for (Engine engine : {Engine::xapian, Engine::fts5}) {
    EXPECT_EQ(search(*archive_, "深呼吸", on(engine)).total, 1) << to_string(engine);
  }
}

TEST_F(ArchiveIndexes, MalformedQueryIsAQueryError) {
  update_indexes(*archive_);
  EXPECT_THROW(search(*archive_, "(压力", on(Engine::xapian)), QueryError);
  EXPECT_THROW(search(*archive_, "foo:bar", on(Engine::fts5)), QueryError);
}

}  // namespace
}  // namespace afterglow::indexer
