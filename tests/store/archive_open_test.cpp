// Opening archives: creation, refusal of foreign and newer files, read-only mode, settings.
#include "afterglow/model/errors.h"
#include "store/store_test_util.h"

namespace afterglow::store {
namespace {

using namespace testing;

void run_sql(const fs::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.string().c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

std::string error_of(const fs::path& path, Archive::Mode mode) {
  try {
    Archive::open(path, mode);
  } catch (const ArchiveError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(ArchiveOpen, CreatesAnArchiveInWalModeWithMeta) {
  ScratchDir dir;
  const auto path = dir / "a.afterglow";
  auto archive = Archive::open(path, Archive::Mode::read_write);
  EXPECT_EQ(archive->path(), path);
  archive.reset();
  // Every migration step ran: the newest table (message feedback, step 2) is there.
  EXPECT_GE(query_int(path, "SELECT value FROM meta WHERE key = 'schema_version'"), 2);
  EXPECT_EQ(query_int(path,
                      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                      "name = 'message_feedback'"),
            1);
  EXPECT_EQ(query_int(path,
                      "SELECT count(*) FROM meta WHERE key = 'application' AND "
                      "value = 'afterglow'"),
            1);
  sqlite3* db = nullptr;
  sqlite3_open(path.string().c_str(), &db);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST(ArchiveOpen, RefusesAnArchiveOfANewerFormat) {
  ScratchDir dir;
  const auto path = dir / "future.afterglow";
  Archive::open(path, Archive::Mode::read_write);
  const auto understood = query_int(path, "SELECT value FROM meta WHERE key = 'schema_version'");
  run_sql(path, "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
  const std::string expected = path.string() +
                               ": archive format 99 is newer than this afterglow understands (" +
                               std::to_string(understood) + ")";
  EXPECT_EQ(error_of(path, Archive::Mode::read_write), expected);
  EXPECT_EQ(error_of(path, Archive::Mode::read_only), expected);
}

TEST(ArchiveOpen, RefusesAFileThatIsNotADatabaseAndLeavesItAlone) {
  ScratchDir dir;
  const auto path = dir / "notes.txt";
  const std::string content(5000, 'x');
  write_file(path, content);
  std::string error = error_of(path, Archive::Mode::read_write);
  EXPECT_EQ(error.rfind(path.string() + ": not an afterglow archive", 0), 0u) << error;
  EXPECT_EQ(read_file(path), content);
}

TEST(ArchiveOpen, RefusesAnotherProgramsDatabase) {
  ScratchDir dir;
  const auto path = dir / "other.sqlite";
  run_sql(path, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  std::string error = error_of(path, Archive::Mode::read_write);
  EXPECT_EQ(error, path.string() + ": not an afterglow archive (no afterglow meta table)");
  EXPECT_EQ(query_int(path, "SELECT count(*) FROM sqlite_master"), 1);
}

TEST(ArchiveOpen, ReadOnlyNeedsAnExistingArchiveAndNeverWrites) {
  ScratchDir dir;
  const auto path = dir / "a.afterglow";
  EXPECT_EQ(error_of(path, Archive::Mode::read_only), path.string() + ": no such archive");
  EXPECT_FALSE(fs::exists(path));

  {
    auto archive = Archive::open(path, Archive::Mode::read_write);
    import_all(*archive, survey_for("user-1"),
               {make_conversation("c1", "Hello", 1700000000, {{"user", "hi"}})});
  }
  const std::string before = read_file(path);
  {
    auto archive = Archive::open(path, Archive::Mode::read_only);
    EXPECT_EQ(archive->list({}).size(), 1u);
    EXPECT_THROW(archive->begin_import("test"), ArchiveError);
    EXPECT_THROW(archive->set_setting("k", "v"), ArchiveError);
  }
  EXPECT_EQ(read_file(path), before);
}

TEST(ArchiveOpen, SettingsPersist) {
  ScratchDir dir;
  const auto path = dir / "a.afterglow";
  {
    auto archive = Archive::open(path, Archive::Mode::read_write);
    EXPECT_EQ(archive->setting("index.seq"), std::nullopt);
    archive->set_setting("index.seq", "41");
    archive->set_setting("index.seq", "42");
  }
  auto archive = Archive::open(path, Archive::Mode::read_only);
  EXPECT_EQ(archive->setting("index.seq"), "42");
}

TEST(ArchiveOpen, AnArchiveOfAnOlderFormatIsUpgradedWhenOpenedForReading) {
  ScratchDir dir;
  const auto path = dir / "older.afterglow";
  Archive::open(path, Archive::Mode::read_write);
  const auto current = query_int(path, "SELECT value FROM meta WHERE key = 'schema_version'");
  // As an afterglow of format 2 left it: no keepsake tables yet (step 3 adds them), no memory
  // records or projects (step 4).
  run_sql(path,
          "DROP TABLE keepsake_stars; DROP TABLE keepsake_notes; DROP TABLE keepsake_letters; "
          "DROP TABLE keepsake_rests; DROP TABLE memory_records; DROP TABLE projects; "
          "UPDATE meta SET value = '2' WHERE key = 'schema_version'");
  auto archive = Archive::open(path, Archive::Mode::read_only);
  EXPECT_TRUE(archive->list({}).empty());
  archive.reset();
  EXPECT_EQ(query_int(path, "SELECT value FROM meta WHERE key = 'schema_version'"), current);
  EXPECT_EQ(query_int(path,
                      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                      "name = 'keepsake_letters'"),
            1);
  EXPECT_EQ(query_int(path,
                      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                      "name IN ('memory_records', 'projects')"),
            2);
}

}  // namespace
}  // namespace afterglow::store
