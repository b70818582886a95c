#include <system_error>

#include "afterglow/model/errors.h"
#include "archive_impl.h"
#include "schema.h"

namespace afterglow::store {

namespace {

// Long enough for a reader to wait out a writer's commit, short enough to report a stuck lock.
constexpr int kBusyTimeoutMs = 10000;

// A new archive is made complete under a temporary name and then linked into place, so that a
// process killed while creating it never leaves an empty or half-made file at `path`.
void create_archive_file(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  const fs::path temporary = fs::path(path) += ".creating";
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::error_code ignored;
    fs::remove(fs::path(temporary) += suffix, ignored);  // left by a killed earlier attempt
  }
  {
    Database db(temporary.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    prepare_schema(db, true);
    auto& q = db.cached("PRAGMA journal_mode = WAL");
    q.step();
    q.reset();
  }
  // A hard link fails when another process created the archive meanwhile: theirs is then used.
  // On file systems without hard links, a rename is as atomic (and the file was missing just
  // now).
  std::error_code linked;
  fs::create_hard_link(temporary, path, linked);
  if (linked && linked != std::errc::file_exists) {
    std::error_code renamed;
    fs::rename(temporary, path, renamed);
    if (renamed) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      throw ArchiveError(path.string() + ": cannot create the archive: " + renamed.message());
    }
  }
  std::error_code ignored;
  fs::remove(temporary, ignored);
}

// An archive written by an older afterglow gets the new format's steps (new tables, each step
// in its one transaction) before it is read. Where the file cannot be written (a read-only
// medium), prepare_schema then says so.
void upgrade_if_older(const std::string& name) {
  try {
    {
      Database probe(name, SQLITE_OPEN_READONLY);
      if (!schema_needs_upgrade(probe)) return;
    }
    Database db(name, SQLITE_OPEN_READWRITE);
    sqlite3_busy_timeout(db.handle(), kBusyTimeoutMs);
    prepare_schema(db, true);
  } catch (const ArchiveError&) {
    // Not an archive, or not writable here: the read-only open below says which.
  }
}

}  // namespace

ArchiveImpl::ArchiveImpl(const std::filesystem::path& path, Mode mode) : path_(path), mode_(mode) {
  const std::string name = path.string();
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (mode == Mode::read_only && !exists) {
    throw ArchiveError(name + ": no such archive");
  }
  if (exists && std::filesystem::is_directory(path, ec)) {
    throw ArchiveError(name + ": is a directory, not an archive file");
  }
  if (mode == Mode::read_write && !exists) create_archive_file(path);
  if (mode == Mode::read_only) upgrade_if_older(name);
  int flags =
      mode == Mode::read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  db_ = std::make_unique<Database>(name, flags);
  sqlite3_busy_timeout(db_->handle(), kBusyTimeoutMs);
  prepare_schema(*db_, mode == Mode::read_write);
  if (mode == Mode::read_write) {
    // WAL lets readers (a search, the web viewer) keep reading while an import writes.
    auto& q = db_->cached("PRAGMA journal_mode = WAL");
    q.step();
    q.reset();
    db_->exec("PRAGMA synchronous = NORMAL");
  }
  db_->exec("PRAGMA cache_size = -32768");  // 32 MiB of page cache, whatever the export size
  codec_ = std::make_unique<TextCodec>(*db_);
}

ArchiveImpl::~ArchiveImpl() {
  codec_.reset();
  db_.reset();
}

void ArchiveImpl::require_writable(const char* what) const {
  if (mode_ != Mode::read_write) {
    throw ArchiveError(path_.string() + ": opened read-only, cannot " + what);
  }
}

std::unique_ptr<Import> ArchiveImpl::begin_import(const std::string& tool_version) {
  require_writable("import");
  if (import_active) throw ArchiveError(path_.string() + ": an import is already in progress");
  return make_import(*this, tool_version);
}

std::optional<std::string> ArchiveImpl::setting(const std::string& key) const {
  auto& q = db_->cached("SELECT value FROM settings WHERE key = ?");
  q.bind(1, key);
  std::optional<std::string> value;
  if (q.step()) value = q.text(0);
  q.reset();
  return value;
}

void ArchiveImpl::set_setting(const std::string& key, const std::string& value) {
  require_writable("change settings");
  db_->cached(
         "INSERT INTO settings (key, value) VALUES (?, ?) "
         "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .bind(1, key)
      .bind(2, value)
      .run();
}

void ArchiveImpl::checkpoint() {
  if (mode_ != Mode::read_write) return;
  // SQLITE_BUSY (a reader is in the middle of a read) is not a failure: the log is emptied the
  // next time. Other errors surface on the next write.
  sqlite3_wal_checkpoint_v2(db_->handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
}

std::unique_ptr<Archive> Archive::open(const std::filesystem::path& path, Mode mode) {
  return std::make_unique<ArchiveImpl>(path, mode);
}

}  // namespace afterglow::store
