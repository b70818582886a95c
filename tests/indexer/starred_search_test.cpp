// is:starred in both engines, straight after starring and unstarring: the stars are read from
// the archive when the query runs, and nothing is reindexed.
#include <gtest/gtest.h>

#include <algorithm>

#include "afterglow/indexer/search.h"
#include "afterglow/store/keepsakes.h"
#include "store/store_test_util.h"

namespace afterglow::indexer {
namespace {

using store::testing::make_conversation;

std::vector<std::string> nodes(const Results& results) {
  std::vector<std::string> out;
  for (const auto& hit : results.hits) out.push_back(hit.node);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(StarredSearch, FindsTheStarredMessagesInBothEngines) {
  store::testing::ScratchDir dir;
  auto archive = store::Archive::open(dir / "a.afterglow", store::Archive::Mode::read_write);
  store::testing::import_all(
      *archive, store::testing::survey_for("user-1"),
      {make_conversation("conv-a", "First", 1700000000,
                         {{"user", "hello cat"}, {"assistant", "hello Mochi"}}),
       make_conversation("conv-b", "Second", 1700100000, {{"user", "bye cat"}})});
  update_indexes(*archive);
  using Nodes = std::vector<std::string>;
  for (auto engine : {Engine::xapian, Engine::fts5}) {
    SearchOptions options;
    options.engine = engine;
    auto found = [&](const char* query) { return nodes(search(*archive, query, options)); };
    EXPECT_EQ(found("is:starred"), Nodes{}) << to_string(engine);
    store::star(*archive, {"conv-a", "conv-a-n2"});
    store::star(*archive, {"conv-b", "conv-b-n1"});
    EXPECT_EQ(found("is:starred"), (Nodes{"conv-a-n2", "conv-b-n1"})) << to_string(engine);
    EXPECT_EQ(found("cat is:starred"), Nodes{"conv-b-n1"}) << to_string(engine);
    EXPECT_EQ(found("hello -is:starred"), Nodes{"conv-a-n1"}) << to_string(engine);
    store::unstar(*archive, {"conv-a", "conv-a-n2"});
    EXPECT_EQ(found("hello is:starred"), Nodes{}) << to_string(engine);
    store::unstar(*archive, {"conv-b", "conv-b-n1"});
  }
}

}  // namespace
}  // namespace afterglow::indexer
