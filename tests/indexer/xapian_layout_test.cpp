// The Xapian folder as docs/FORMAT.md describes it, read with Xapian alone: shards chosen by the
// documented hash, a stub that opens them as one, the terms a message makes, and how an
// interrupted, outdated, foreign or busy folder is treated.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "afterglow/indexer/index.h"
#include "afterglow/model/errors.h"
#include "indexer/corpus.h"

namespace afterglow::indexer {
namespace {

namespace fs = std::filesystem;

// FNV-1a, 32 bit, as docs/FORMAT.md gives it: written here again so that the test checks the
// documented format rather than the code against itself.
int documented_shard(const std::string& conversation, int shards) {
  uint32_t hash = 2166136261u;
  for (unsigned char c : conversation) {
    hash ^= c;
    hash *= 16777619u;
  }
  return static_cast<int>(hash % static_cast<uint32_t>(shards));
}

class XapianLayout : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("afterglow-xapian-layout-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    folder_ = dir_ / "archive.afterglow.xapian";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Twenty conversations, so that every shard gets some; every fourth message is an
  // alternate version, not shown by default.
  std::vector<Document> documents() const {
    std::vector<Document> docs;
    for (int i = 0; i < 20; ++i) {
      auto d =
          testing::message("conv-" + std::to_string(i), "n1", "user",
                           "压力很大 running quickly 第" + std::to_string(i) + "次", 1.7e9 + i);
      d.title = "标题 title";
      d.seq = i + 1;
      d.on_thread = i % 4 != 0;
      docs.push_back(d);
    }
    return docs;
  }

  void build() {
    auto xapian = open_xapian_index(folder_, true);
    for (const auto& d : documents()) xapian->add(d);
    xapian->commit(20);
  }

  std::vector<fs::path> stub_shards() const {
    std::vector<fs::path> out;
    std::ifstream stub(folder_ / "XAPIANDB");
    for (std::string line; std::getline(stub, line);) {
      EXPECT_EQ(line.rfind("auto ", 0), 0u) << line;
      out.push_back(folder_ / line.substr(5));
    }
    return out;
  }

  fs::path dir_, folder_;
};

TEST_F(XapianLayout, ConversationsLiveInTheShardTheirGroupAndHashName) {
  build();
  const auto shards = stub_shards();
  ASSERT_EQ(shards.size(), 4u);
  EXPECT_EQ(shards[0], folder_ / "shown-0");
  EXPECT_EQ(shards[1], folder_ / "shown-1");
  EXPECT_EQ(shards[2], folder_ / "hidden-0");
  EXPECT_EQ(shards[3], folder_ / "hidden-1");
  Xapian::doccount total = 0, hidden = 0;
  for (int s = 0; s < 4; ++s) {
    Xapian::Database shard(shards[static_cast<size_t>(s)].string());
    EXPECT_GT(shard.get_doccount(), 0u) << "shard " << s << " is empty";
    total += shard.get_doccount();
    if (s >= 2) hidden += shard.get_doccount();
    for (auto it = shard.allterms_begin("G"); it != shard.allterms_end("G"); ++it) {
      const int conversation = std::stoi((*it).substr(6));
      EXPECT_EQ(documented_shard((*it).substr(1), 2), s % 2) << *it;
      EXPECT_EQ(conversation % 4 == 0, s >= 2) << *it << " in the wrong group";
    }
    EXPECT_EQ(shard.get_metadata("afterglow.seq"), "20");
    EXPECT_EQ(shard.get_metadata("afterglow.format"), "4");
  }
  EXPECT_EQ(total, 20u);
  EXPECT_EQ(hidden, 5u);
  // The stub opens the folder as one database, for Xapian's own tools.
  Xapian::Database whole(folder_.string());
  EXPECT_EQ(whole.get_doccount(), 20u);
  EXPECT_EQ(whole.get_termfreq("Gconv-7"), 1u);
}

TEST_F(XapianLayout, CjkNgramsHaveNoStemmedTwinsAndSpellingHoldsEnglishWords) {
  build();
  Xapian::Database db(folder_.string());
  EXPECT_EQ(db.get_termfreq("压"), 20u);
  EXPECT_EQ(db.get_termfreq("压力"), 20u);
  EXPECT_EQ(db.get_termfreq("Zrun"), 20u);
  EXPECT_EQ(db.get_termfreq("running"), 20u);
  EXPECT_EQ(db.get_termfreq("S标题"), 20u);
  for (auto it = db.allterms_begin("Z"); it != db.allterms_end("Z"); ++it) {
    const std::string t = *it;
    EXPECT_LT(static_cast<unsigned char>(t[1]), 0x80) << "stemmed twin left: " << t;
    EXPECT_EQ(t.find("标"), std::string::npos) << t;
  }
  std::set<std::string> spellings;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) spellings.insert(*it);
  EXPECT_EQ(spellings, (std::set<std::string>{"quickly", "running"}));
  // Every n-gram still matches, and positions still make phrases of the unigrams.
  auto index = open_xapian_index(folder_, false);
  SearchOptions all;
  all.include_all = true;
  EXPECT_EQ(index->search(parse_query("压力"), all).total, 20);
  EXPECT_EQ(index->search(parse_query("压力"), {}).total, 15);
  EXPECT_EQ(index->search(parse_query("\"力很大\""), all).total, 20);
  EXPECT_EQ(index->search(parse_query("\"大很力\""), all).total, 0);
  EXPECT_EQ(index->search(parse_query("runs"), all).total, 20);
  EXPECT_EQ(index->search(parse_query("runnin"), {}).did_you_mean, "running");
}

TEST_F(XapianLayout, AnInterruptedShardMakesTheIndexResumeFromItsSeq) {
  build();
  {
    // As if the import stopped after shard 0 committed a batch and before shard 1 did.
    Xapian::WritableDatabase shard((folder_ / "shown-1").string(), Xapian::DB_OPEN);
    shard.set_metadata("afterglow.seq", "4");
    shard.commit();
  }
  EXPECT_EQ(open_xapian_index(folder_, false)->last_seq(), 4);
  auto writable = open_xapian_index(folder_, true);
  EXPECT_EQ(writable->last_seq(), 4);
  // Adding the same messages again replaces them: still one document each.
  for (const auto& d : documents()) writable->add(d);
  writable->commit(20);
  EXPECT_EQ(writable->last_seq(), 20);
  EXPECT_EQ(Xapian::Database(folder_.string()).get_doccount(), 20u);
}

TEST_F(XapianLayout, AMessageThatStopsBeingShownMovesToTheHiddenShards) {
  build();
  auto docs = documents();
  Document moved = docs[3];  // shown at first
  ASSERT_TRUE(moved.on_thread);
  moved.on_thread = false;  // a later export made another version the current one
  moved.seq = 21;
  {
    auto writable = open_xapian_index(folder_, true);
    writable->add(moved);
    writable->commit(21);
  }
  SearchOptions all;
  all.include_all = true;
  auto index = open_xapian_index(folder_, false);
  EXPECT_EQ(index->search(parse_query("in:conv-3"), {}).total, 0);
  EXPECT_EQ(index->search(parse_query("in:conv-3"), all).total, 1);
  EXPECT_EQ(Xapian::Database(folder_.string()).get_doccount(), 20u);
  // And back again.
  moved.on_thread = true;
  moved.seq = 22;
  {
    auto writable = open_xapian_index(folder_, true);
    writable->add(moved);
    writable->commit(22);
  }
  index = open_xapian_index(folder_, false);
  EXPECT_EQ(index->search(parse_query("in:conv-3"), {}).total, 1);
  EXPECT_EQ(Xapian::Database(folder_.string()).get_doccount(), 20u);
}

TEST_F(XapianLayout, AFolderOfAnEarlierFormatIsRebuilt) {
  // Format 2: two shards of every message, and a stub naming them.
  fs::create_directories(folder_);
  for (const auto& name : {"shard-0", "shard-1"}) {
    Xapian::WritableDatabase old((folder_ / name).string(), Xapian::DB_CREATE_OR_OPEN);
    old.set_metadata("afterglow.format", "2");
    old.set_metadata("afterglow.seq", "99");
    old.commit();
  }
  std::ofstream(folder_ / "XAPIANDB") << "auto shard-0\nauto shard-1\n";
  EXPECT_THROW(open_xapian_index(folder_, false), ArchiveError);
  auto writable = open_xapian_index(folder_, true);
  EXPECT_EQ(writable->last_seq(), 0);
  EXPECT_FALSE(fs::exists(folder_ / "shard-0"));
  EXPECT_EQ(stub_shards().size(), 4u);
}

// Format 3 had today's shards but keyed documents by conversation and node only, so two
// accounts' copies of one conversation replaced each other: its folders are rebuilt.
TEST_F(XapianLayout, AFolderKeyedWithoutTheAccountIsRebuilt) {
  {
    auto index = open_xapian_index(folder_, true);
    index->commit(0);
  }
  for (const auto& name : {"shown-0", "shown-1", "hidden-0", "hidden-1"}) {
    Xapian::WritableDatabase old((folder_ / name).string(), Xapian::DB_OPEN);
    old.set_metadata("afterglow.format", "3");
    old.set_metadata("afterglow.seq", "99");
    old.commit();
  }
  EXPECT_THROW(open_xapian_index(folder_, false), ArchiveError);
  auto writable = open_xapian_index(folder_, true);
  EXPECT_EQ(writable->last_seq(), 0);
  EXPECT_EQ(Xapian::Database((folder_ / "shown-0").string()).get_metadata("afterglow.format"), "4");
}

TEST_F(XapianLayout, AFolderFromTheSingleDatabaseVersionIsRebuilt) {
  {
    Xapian::WritableDatabase old(folder_.string(), Xapian::DB_CREATE);
    old.set_metadata("afterglow.format", "1");
    old.set_metadata("afterglow.seq", "99");
    Xapian::Document doc;
    doc.add_term("old");
    old.add_document(doc);
    old.commit();
  }
  try {
    open_xapian_index(folder_, false);
    FAIL() << "an old folder opened for searching";
  } catch (const ArchiveError& e) {
    EXPECT_NE(std::string(e.what()).find("afterglow reindex"), std::string::npos) << e.what();
  }
  auto writable = open_xapian_index(folder_, true);
  EXPECT_EQ(writable->last_seq(), 0);
  EXPECT_FALSE(fs::exists(folder_ / "iamglass"));
  EXPECT_TRUE(fs::exists(folder_ / "XAPIANDB"));
}

TEST_F(XapianLayout, AShardThatCannotBeOpenedIsRebuiltByTheNextWriter) {
  build();
  // A shard half made (no revision file) under a stub that lists it.
  fs::remove(folder_ / "shown-1" / "iamglass");
  EXPECT_THROW(open_xapian_index(folder_, false), ArchiveError);
  auto writable = open_xapian_index(folder_, true);
  EXPECT_EQ(writable->last_seq(), 0);
  EXPECT_EQ(stub_shards().size(), 4u);
  for (const auto& d : documents()) writable->add(d);
  writable->commit(20);
  writable.reset();
  EXPECT_EQ(open_xapian_index(folder_, false)->search(parse_query("压力"), {}).total, 15);
}

TEST_F(XapianLayout, AFolderWithoutItsStubIsUnfinishedAndRebuilt) {
  build();
  fs::remove(folder_ / "XAPIANDB");
  try {
    open_xapian_index(folder_, false);
    FAIL() << "an unfinished folder opened for searching";
  } catch (const ArchiveError& e) {
    EXPECT_NE(std::string(e.what()).find("not finished"), std::string::npos) << e.what();
  }
  // Whatever the shards hold, an unfinished folder starts again from nothing.
  auto writable = open_xapian_index(folder_, true);
  EXPECT_EQ(writable->last_seq(), 0);
  EXPECT_EQ(stub_shards().size(), 4u);
  EXPECT_EQ(Xapian::Database(folder_.string()).get_doccount(), 0u);
}

TEST_F(XapianLayout, AnUnfinishedFolderAnotherWriterHoldsIsLeftAsItIs) {
  build();
  auto first = open_xapian_index(folder_, true);
  // As if `first` were still creating the folder: its stub not written yet.
  fs::remove(folder_ / "XAPIANDB");
  EXPECT_THROW(open_xapian_index(folder_, true), IndexBusy);
  for (const auto& shard : {"shown-0", "shown-1", "hidden-0", "hidden-1"}) {
    EXPECT_EQ(Xapian::Database((folder_ / shard).string()).get_metadata("afterglow.seq"), "20");
  }
}

TEST_F(XapianLayout, ARebuildLeavesTheStubForLast) {
  build();
  auto writable = open_xapian_index(folder_, true);
  writable->clear();
  // Finished: the stub lists every shard, each empty, with the format recorded.
  EXPECT_EQ(stub_shards().size(), 4u);
  for (const auto& path : stub_shards()) {
    Xapian::Database shard(path.string());
    EXPECT_EQ(shard.get_doccount(), 0u);
    EXPECT_EQ(shard.get_metadata("afterglow.format"), "4");
    EXPECT_EQ(shard.get_metadata("afterglow.seq"), "0");
  }
}

TEST_F(XapianLayout, AFolderThatIsNotAnIndexIsLeftAlone) {
  fs::create_directories(folder_);
  std::ofstream(folder_ / "notes.txt") << "mine";
  EXPECT_THROW(open_xapian_index(folder_, true), ArchiveError);
  EXPECT_TRUE(fs::exists(folder_ / "notes.txt"));
}

TEST_F(XapianLayout, ASecondWriterIsToldTheIndexIsBusy) {
  build();
  auto first = open_xapian_index(folder_, true);
  EXPECT_THROW(open_xapian_index(folder_, true), IndexBusy);
  first.reset();
  EXPECT_NO_THROW(open_xapian_index(folder_, true));
}

}  // namespace
}  // namespace afterglow::indexer
