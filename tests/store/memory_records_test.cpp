// The companion's memory records through the real importer into the archive (memory-v1.zip and
// memory-v2.zip, tests/fixtures/README.md): kept once, in time order, never deleted by a newer
// export, unchanged snapshots marked as repeats, and checked by verify, which names a record whose
// conversation is gone or whose text no longer matches its digest.
#include "afterglow/importer/importer.h"
#include "afterglow/store/memories.h"
#include "afterglow/store/memory_timeline.h"
#include "afterglow/store/verify.h"
#include "store/store_test_util.h"

namespace afterglow::store {
namespace {

using namespace testing;

ImportSummary import_fixture(Archive& archive, const std::string& name) {
  model::Survey survey = importer::survey(fs::path(AFTERGLOW_FIXTURES) / name);
  auto import = archive.begin_import("test");
  importer::import(survey, *import);
  return import->commit();
}

void damage(const fs::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.string().c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

std::vector<std::string> kinds(const std::vector<StoredMemoryRecord>& records) {
  std::vector<std::string> out;
  for (const auto& r : records) out.push_back(r.record.kind);
  return out;
}

class MemoryRecords : public ::testing::Test {
 protected:
  void SetUp() override {
    archive_ = Archive::open(path_, Archive::Mode::read_write);
    first_ = import_fixture(*archive_, "memory-v1.zip");
  }
  ScratchDir dir_;
  fs::path path_ = dir_ / "a.afterglow";
  std::unique_ptr<Archive> archive_;
  ImportSummary first_;
};

TEST_F(MemoryRecords, AnImportKeepsEveryRecordInTimeOrder) {
  EXPECT_EQ(first_.memory_records_new, 5);
  EXPECT_EQ(first_.projects_new, 1);
  const auto records = memory_records(*archive_);
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(kinds(records),
            (std::vector<std::string>{"custom_instructions", "memory_write", "custom_instructions",
                                      "memory_snapshot", "memory_write"}));
  const StoredMemoryRecord& instructions = records[0];
  EXPECT_EQ(instructions.record.text,
            "我是一名中学老师，住在杭州。\n\n请用简体中文回答，语气温和一些。");
  EXPECT_EQ(instructions.record.source, "chatgpt");
  EXPECT_EQ(instructions.account, "user-MemoryFixture000000001");
  EXPECT_EQ(instructions.conversation_title, "记住我的猫");
  EXPECT_TRUE(instructions.conversation_held);
  EXPECT_TRUE(instructions.message_held);
  const StoredMemoryRecord& write = records[1];
  EXPECT_EQ(write.record.text, "用户养了一只叫豆豆的橘猫。");
  EXPECT_NE(write.record.raw_json.find("\"recipient\":\"bio\""), std::string::npos);
  ASSERT_TRUE(write.record.time.has_value());
  EXPECT_GT(*write.record.time, *instructions.record.time);
  EXPECT_EQ(records[3].record.text, "1. [2025-06-01]. 用户养了一只叫豆豆的橘猫。");
  EXPECT_EQ(records[3].conversation_title, "Splitting tomatoes");

  const auto held = projects(*archive_);
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0].project.id, "g-p-0a1b2c3d4e5f60718293a4b5c6d7e8f9");
  EXPECT_EQ(held[0].project.kind, "chatgpt_project");
  EXPECT_EQ(held[0].conversations, 1);
}

TEST_F(MemoryRecords, TheSameExportAgainAddsNothingAndANewerOneOnlyAdds) {
  const std::string before = dump_content(path_);
  const ImportSummary again = import_fixture(*archive_, "memory-v1.zip");
  EXPECT_EQ(again.memory_records_new, 0);
  EXPECT_EQ(again.projects_new, 0);
  EXPECT_FALSE(again.changed());
  EXPECT_EQ(dump_content(path_), before);

  // v2 lacks the cat conversation and adds a move: the cat's records stay, two are added, one of
  // them the snapshot of before, unchanged: kept, and marked as a repeat for the views.
  const ImportSummary newer = import_fixture(*archive_, "memory-v2.zip");
  EXPECT_EQ(newer.memory_records_new, 2);
  const auto records = memory_records(*archive_);
  ASSERT_EQ(records.size(), 7u);
  EXPECT_EQ(records[0].conversation_title, "记住我的猫");  // deleted upstream, kept
  EXPECT_EQ(records[5].record.kind, "memory_snapshot");
  EXPECT_EQ(records[5].conversation_title, "搬家");
  EXPECT_EQ(records[6].record.text, "用户九月搬到了上海。\x1b[2J");
  EXPECT_EQ(records[6].first_seen_import, newer.import_id);
  EXPECT_EQ(repeats_previous(records),
            (std::vector<bool>{false, false, false, false, false, true, false}));
  EXPECT_EQ(query_int(path_, "SELECT count(*) FROM projects"), 1);

  // And the older export once more changes nothing.
  EXPECT_EQ(import_fixture(*archive_, "memory-v1.zip").memory_records_new, 0);
  const VerifyReport report = verify_archive(*archive_);
  EXPECT_TRUE(report.ok()) << report.problems.front();
  EXPECT_EQ(report.memory_records, 7);
}

TEST_F(MemoryRecords, TheDigestIsTheDocumentedOne) {
  // sha256 of "chatgpt\x1fmemory_write\x1f1.500000\x1fx\x1fc\x1fn\x1f\x1f", as
  // docs/FORMAT.md tells a reader with sha256sum to compute it.
  model::MemoryRecord r;
  r.kind = "memory_write";
  r.time = 1.5;
  r.text = "x";
  r.conversation_id = "c";
  r.node_id = "n";
  EXPECT_EQ(memory_record_digest(r),
            "55e2fc255a0cb797497cbdc71060cd8db5822cd749794690be2d317010fcec2a");
}

TEST_F(MemoryRecords, VerifyNamesADamagedRecord) {
  archive_.reset();
  damage(path_,
         "UPDATE memory_records SET text = 'changed' WHERE kind = 'memory_snapshot';"
         "UPDATE memory_records SET conversation_id = 'nowhere' WHERE kind = 'memory_write' "
         "AND text LIKE 'User grows%'");
  auto archive = Archive::open(path_, Archive::Mode::read_only);
  const VerifyReport report = verify_archive(*archive);
  ASSERT_EQ(report.problems.size(), 3u);
  std::string all;
  for (const auto& p : report.problems) all += p + "\n";
  EXPECT_NE(all.find(": does not match its digest"), std::string::npos) << all;
  EXPECT_NE(all.find(": its conversation nowhere is not in the archive"), std::string::npos) << all;
}

}  // namespace
}  // namespace afterglow::store
