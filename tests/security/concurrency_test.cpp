// Readers while a writer imports: searches and listings running next to an import see the archive
// as it was before the import or as it is after it, never an error and never half of it.
#include <xapian.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "afterglow/indexer/index.h"

#include "generator/export_generator.h"
#include "security/child_process.h"
#include "security/security_support.h"

namespace afterglow::testing {
namespace {

using nlohmann::json;

// Whether another connection holds the archive's write lock right now: BEGIN IMMEDIATE without
// waiting is refused exactly then. The import holds it from its first write to its commit.
bool write_lock_held(const std::filesystem::path& archive) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(archive.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return false;
  }
  sqlite3_busy_timeout(db, 0);
  const int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  if (rc == SQLITE_OK) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  return rc == SQLITE_BUSY;
}

// One listing and one search, as a person would run them next to the import; the count listed.
size_t read_once(const CliRunner& cli, int round) {
  auto list = cli.run({"list", "--json"});
  EXPECT_EQ(list.status, 0) << list.err;
  const json listed = json::parse(list.out, nullptr, false);
  EXPECT_FALSE(listed.is_discarded()) << list.out.substr(0, 200);
  auto search = cli.run({"search", "--json", "--engine", round % 2 ? "fts5" : "xapian", "the"});
  EXPECT_EQ(search.status, 0) << search.err;
  EXPECT_FALSE(json::parse(search.out, nullptr, false).is_discarded()) << search.out;
  return listed.is_discarded() ? 0 : listed.size();
}

// The overlap is made certain rather than hoped for: once the import holds the write lock (its
// transaction is open), it is stopped there, and reads run; then it goes on and commits. No
// clock decides anything: each wait is bounded by the import's own progress.
TEST(Concurrency, SearchAndListWhileAnImportWrites) {
  CliRunner cli;
  ASSERT_EQ(cli.run({"import", example_export()}).status, 0);
  const auto before = json::parse(cli.run({"list", "--json"}).out).size();

  const auto zip = cli.dir() / "export.zip";
  const auto generated = generated_export(zip, 3, 3'000'000);
  const size_t after = before + generated.conversations;

  ChildProcess import(cli.archive(), {"import", zip.string()}, cli.dir());
  // Until its transaction is open; an import that ends first fails the check below.
  bool stopped_in_transaction = false;
  while (!import.finished()) {
    if (!write_lock_held(cli.archive())) continue;
    import.pause();
    // Still held once stopped: the lock cannot be given up while the process is stopped.
    stopped_in_transaction = write_lock_held(cli.archive());
    if (stopped_in_transaction) break;
    import.resume();
  }
  ASSERT_TRUE(stopped_in_transaction) << "the import ended before its transaction was seen open";

  // Reads while the import is stopped inside its transaction: all of them see the archive as
  // it was, none fails or waits for the writer.
  std::set<size_t> seen_during;
  for (int round = 0; round < 4; ++round) seen_during.insert(read_once(cli, round));
  EXPECT_TRUE(write_lock_held(cli.archive()));  // the reads ran inside the import's transaction
  EXPECT_EQ(seen_during, std::set<size_t>{before});

  // Reads while it goes on: the archive as it was, or as it is after the commit, nothing between.
  import.resume();
  std::set<size_t> seen_counts;
  int reads = 0;
  while (!import.finished() && reads < 200) seen_counts.insert(read_once(cli, reads++));
  EXPECT_EQ(import.wait(), 0) << import.err();
  for (size_t count : seen_counts) EXPECT_TRUE(count == before || count == after) << count;
  // And after the commit, the new count.
  EXPECT_EQ(read_once(cli, 0), after);
  EXPECT_EQ(cli.run({"verify"}).status, 0);
}

// An import that finds the Xapian index held by another process (a search bringing it up to
// date) completes: the archive has the new conversations, a note says the index is busy, and the
// next search catches the index up.
TEST(Concurrency, AnImportFindingTheIndexBusyCompletesAndTheNextSearchCatchesUp) {
  CliRunner cli;
  ASSERT_EQ(cli.run({"import", example_export()}).status, 0);
  const auto before = json::parse(cli.run({"list", "--json"}).out).size();
  const auto zip = cli.dir() / "export.zip";
  const auto generated = generated_export(zip, 5, 300'000);

  std::optional<Xapian::WritableDatabase> holder;
  holder.emplace((indexer::xapian_path(cli.archive()) / "shown-0").string(), Xapian::DB_OPEN);
  auto imported = cli.run({"import", zip.string()});
  EXPECT_EQ(imported.status, 0) << imported.err;
  EXPECT_NE(imported.err.find("note: "), std::string::npos) << imported.err;
  EXPECT_NE(imported.err.find("another afterglow process is updating it"), std::string::npos)
      << imported.err;
  EXPECT_EQ(json::parse(cli.run({"list", "--json"}).out).size(), before + generated.conversations);
  holder.reset();
  EXPECT_NE(cli.run({"verify"}).out.find("newer messages not indexed yet"), std::string::npos);

  const auto searched = cli.run({"search", "--json", "--limit", "1", "the"});
  EXPECT_EQ(searched.status, 0) << searched.err;
  const auto verified = cli.run({"verify"});
  EXPECT_EQ(verified.status, 0) << verified.out;
  EXPECT_EQ(verified.out.find("not indexed yet"), std::string::npos) << verified.out;
}

// A reader that stays open (a running `afterglow serve`) keeps SQLite from emptying its
// write-ahead log when the importing process closes; the import empties it itself, so the log
// does not stay as large as everything the import wrote.
TEST(Concurrency, AnImportEmptiesTheWriteAheadLogWhileAReaderStaysOpen) {
  CliRunner cli;
  ASSERT_EQ(cli.run({"import", example_export()}).status, 0);
  sqlite3* reader = nullptr;
  ASSERT_EQ(sqlite3_open_v2(cli.archive().c_str(), &reader, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(reader, "SELECT count(*) FROM conversations", nullptr, nullptr, nullptr),
            SQLITE_OK);

  const auto zip = cli.dir() / "export.zip";
  generated_export(zip, 9, 2'000'000);
  const auto imported = cli.run({"import", zip.string()});
  EXPECT_EQ(imported.status, 0) << imported.err;

  const std::filesystem::path wal = cli.archive().string() + "-wal";
  ASSERT_TRUE(std::filesystem::exists(wal));  // the reader keeps it
  EXPECT_EQ(std::filesystem::file_size(wal), 0u);
  sqlite3_close(reader);
  EXPECT_EQ(cli.run({"verify"}).status, 0);
}

}  // namespace
}  // namespace afterglow::testing
