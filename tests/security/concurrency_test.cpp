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

TEST(Concurrency, SearchAndListWhileAnImportWrites) {
  CliRunner cli;
  ASSERT_EQ(cli.run({"import", example_export()}).status, 0);
  const auto before = json::parse(cli.run({"list", "--json"}).out).size();

  const auto zip = cli.dir() / "export.zip";
  const auto generated = generated_export(zip, 3, 3'000'000);
  const size_t after = before + generated.conversations;

  ChildProcess import(cli.archive(), {"import", zip.string()}, cli.dir());
  int reads = 0;
  std::set<size_t> seen_counts;
  // Until the import ends, and at least a few times: bounded by the import, not by a clock.
  while (!import.finished() || reads < 3) {
    auto list = cli.run({"list", "--json"});
    ASSERT_EQ(list.status, 0) << list.err;
    const json listed = json::parse(list.out, nullptr, false);
    ASSERT_FALSE(listed.is_discarded()) << list.out.substr(0, 200);
    seen_counts.insert(listed.size());
    EXPECT_TRUE(listed.size() == before || listed.size() == after) << listed.size();

    auto search = cli.run({"search", "--json", "--engine", reads % 2 ? "fts5" : "xapian", "the"});
    EXPECT_EQ(search.status, 0) << search.err;
    EXPECT_FALSE(json::parse(search.out, nullptr, false).is_discarded()) << search.out;
    ++reads;
    if (reads > 200) break;  // a stuck import fails below rather than hanging the suite
  }
  EXPECT_EQ(import.wait(), 0) << import.err();
  EXPECT_EQ(json::parse(cli.run({"list", "--json"}).out).size(), after);
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
