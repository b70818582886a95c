#include "afterglow/store/sqlite.h"

#include <cerrno>
#include <cstring>

#include "afterglow/model/errors.h"

namespace afterglow::store {
namespace {

// Failures caused by the machine rather than by afterglow (a full disk, a size limit, a
// read-only file) are told in plain words, without the SQL that happened to hit them.
struct Problem {
  std::string text;
  ErrorCode code;
};

std::optional<Problem> environment_problem(sqlite3* db, int rc) {
  const int os_error = db ? sqlite3_system_errno(db) : 0;
  switch (rc & 0xff) {
    case SQLITE_FULL:
      return Problem{"cannot write: the disk is full", ErrorCode::disk_full};
    case SQLITE_IOERR:
      if (os_error == EFBIG) {
        return Problem{"cannot write: the file size limit was reached", ErrorCode::disk_full};
      }
      if (os_error == ENOSPC)
        return Problem{"cannot write: the disk is full", ErrorCode::disk_full};
      // SQLite's errno is the one at the time of asking, often no longer the write's own.
      if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_TRUNCATE ||
          rc == SQLITE_IOERR_SHMSIZE) {
        return Problem{
            "cannot write: the disk is full, a file size limit was reached, or the device failed",
            ErrorCode::disk_full};
      }
      return Problem{std::string("input/output error") +
                         (os_error ? std::string(": ") + std::strerror(os_error) : std::string()),
                     ErrorCode::unspecified};
    case SQLITE_READONLY:
      return Problem{
          "cannot write: the archive is read-only (no permission to change the file or to "
          "create files in its folder)",
          ErrorCode::archive_read_only};
    default:
      return std::nullopt;
  }
}

}  // namespace

Statement::Statement(Database& db, std::string_view sql) : db_(db) {
  int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  db.check(rc, "cannot prepare \"" + std::string(sql) + "\"");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, int64_t value) {
  db_.check(sqlite3_bind_int64(stmt_, index, value), "bind");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  db_.check(sqlite3_bind_double(stmt_, index, value), "bind");
  return *this;
}

Statement& Statement::bind(int index, std::optional<double> value) {
  return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind(int index, std::string_view text) {
  db_.check(
      sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
      "bind");
  return *this;
}

Statement& Statement::bind_text_or_null(int index, std::string_view text) {
  return text.empty() ? bind_null(index) : bind(index, text);
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  // A zero-length blob is still a blob, not NULL: SQLite needs a non-null pointer for that.
  static const char kEmpty = 0;
  db_.check(sqlite3_bind_blob64(stmt_, index, bytes.empty() ? &kEmpty : bytes.data(), bytes.size(),
                                SQLITE_TRANSIENT),
            "bind");
  return *this;
}

Statement& Statement::bind_null(int index) {
  db_.check(sqlite3_bind_null(stmt_, index), "bind");
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  std::string sql = sqlite3_sql(stmt_) ? sqlite3_sql(stmt_) : "";
  sqlite3_reset(stmt_);
  db_.check(rc, "cannot run \"" + sql + "\"");
  return false;
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::optional<double> Statement::optional_real(int column) const {
  if (is_null(column)) return std::nullopt;
  return real(column);
}

std::string Statement::text(int column) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (!p) return {};
  return std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string_view Statement::blob(int column) const {
  const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
  if (!p) return {};
  return {p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

Database::Database(const std::string& path, int flags) : path_(path) {
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw ArchiveError(path + ": cannot open the archive: " + why);
  }
  sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() {
  cache_.clear();  // statements must be finalized before the connection closes
  sqlite3_close(db_);
}

void Database::exec(const std::string& sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string why = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    if ((rc & 0xff) == SQLITE_BUSY) {
      throw ArchiveError(path_ + ": the archive is locked by another afterglow process",
                         ErrorCode::archive_locked);
    }
    if (auto problem = environment_problem(db_, rc)) {
      throw ArchiveError(path_ + ": " + problem->text, problem->code);
    }
    throw ArchiveError(path_ + ": cannot run \"" + sql.substr(0, 60) + "\": " + why);
  }
}

Statement& Database::cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) it = cache_.emplace(sql, std::make_unique<Statement>(*this, sql)).first;
  it->second->reset();
  return *it->second;
}

void Database::fail(const std::string& what) const {
  throw ArchiveError(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
}

void Database::check(int rc, const std::string& what) const {
  if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) return;
  if ((rc & 0xff) == SQLITE_NOTADB) {
    throw ArchiveError(path_ + ": not an afterglow archive (not an SQLite database)",
                       ErrorCode::archive_damaged);
  }
  if ((rc & 0xff) == SQLITE_BUSY) {
    throw ArchiveError(path_ + ": the archive is locked by another afterglow process",
                       ErrorCode::archive_locked);
  }
  if (auto problem = environment_problem(db_, rc)) {
    throw ArchiveError(path_ + ": " + problem->text, problem->code);
  }
  throw ArchiveError(path_ + ": " + what + ": " + sqlite3_errstr(rc) + " (" + sqlite3_errmsg(db_) +
                     ")");
}

Savepoint::Savepoint(Database& db, std::string name) : db_(db), name_(std::move(name)) {
  db_.exec("SAVEPOINT " + name_);
}

Savepoint::~Savepoint() {
  if (done_) return;
  // Undo this savepoint's work but keep the enclosing transaction going.
  sqlite3_exec(db_.handle(), ("ROLLBACK TO " + name_ + "; RELEASE " + name_).c_str(), nullptr,
               nullptr, nullptr);
}

void Savepoint::release() {
  db_.exec("RELEASE " + name_);
  done_ = true;
}

}  // namespace afterglow::store
