// afterglow-index-phase --archive A --engine xapian|fts5 --work DIR: one engine's indexing
// alone, from an archive that is already imported, so the driver (and a profiler) can tell the
// two engines apart. Xapian is written into DIR/index.xapian; FTS5 into a copy of the archive in
// DIR with its FTS5 tables dropped first (the original is never touched). Prints one JSON object:
// seconds, cpu_seconds, messages.
#include <sqlite3.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "afterglow/indexer/index.h"
#include "afterglow/store/archive.h"
#include "afterglow/store/sqlite.h"

namespace {

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE) {
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
  }
}

// A consistent copy (SQLite's backup API also takes what is still in the WAL) with the FTS5
// tables dropped, so that the fill starts from nothing, as an import's does.
void copy_without_search_tables(const std::filesystem::path& from,
                                const std::filesystem::path& to) {
  sqlite3* source = nullptr;
  sqlite3* target = nullptr;
  check(sqlite3_open_v2(from.c_str(), &source, SQLITE_OPEN_READONLY, nullptr), source, "open");
  check(sqlite3_open(to.c_str(), &target), target, "create");
  sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
  if (!backup) check(SQLITE_ERROR, target, "backup");
  const int rc = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  check(rc, target, "backup");
  check(sqlite3_exec(target,
                     "DROP TABLE IF EXISTS search_text; DROP TABLE IF EXISTS search_message; "
                     "DROP TABLE IF EXISTS search_state;",
                     nullptr, nullptr, nullptr),
        target, "drop");
  sqlite3_close(target);
  sqlite3_close(source);
}

int64_t fill(const afterglow::store::Archive& archive, afterglow::indexer::Index& index) {
  int64_t messages = 0;
  int64_t last = 0;
  archive.scan_messages(0, [&](const afterglow::store::MessageRecord& record) {
    index.add(record);
    last = record.seq;
    // The same batch size as the import's own fill.
    if (++messages % 5000 == 0) index.commit(last);
  });
  index.commit(last);
  return messages;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"One search engine's indexing alone, timed"};
  std::filesystem::path archive_path;
  std::filesystem::path work;
  std::string engine = "xapian";
  app.add_option("--archive", archive_path, "An imported archive (read only)")->required();
  app.add_option("--engine", engine, "xapian or fts5")->check(CLI::IsMember({"xapian", "fts5"}));
  app.add_option("--work", work, "Scratch folder for the index (emptied first)")->required();
  CLI11_PARSE(app, argc, argv);

  try {
    using afterglow::store::Archive;
    std::filesystem::remove_all(work);
    std::filesystem::create_directories(work);
    std::unique_ptr<Archive> archive;
    std::unique_ptr<afterglow::indexer::Index> index;
    if (engine == "xapian") {
      archive = Archive::open(archive_path, Archive::Mode::read_only);
      index = afterglow::indexer::open_xapian_index(work / "index.xapian", true);
    } else {
      const auto copy = work / "archive.afterglow";
      copy_without_search_tables(archive_path, copy);
      archive = Archive::open(copy, Archive::Mode::read_write);
      index = afterglow::indexer::open_fts5_index(archive->database(), true);
    }
    const double cpu_start = cpu_seconds();
    const auto start = std::chrono::steady_clock::now();
    const int64_t messages = fill(*archive, *index);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf(
        "{\"engine\": \"%s\", \"seconds\": %.3f, \"cpu_seconds\": %.3f, \"messages\": %lld}\n",
        engine.c_str(), seconds, cpu_seconds() - cpu_start, static_cast<long long>(messages));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "afterglow-index-phase: %s\n", e.what());
    return 1;
  }
  return 0;
}
