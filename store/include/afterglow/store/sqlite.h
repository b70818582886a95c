// Thin RAII helpers over the SQLite C API: prepared statements with typed binds and columns, a
// per-connection statement cache, and errors turned into ArchiveError with the archive's path.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace afterglow::store {

class Database;

class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds are 1-based, like SQLite's. Strings and blobs are copied by SQLite (SQLITE_TRANSIENT)
  // unless bind_blob_static is used for a buffer that outlives the step.
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
  Statement& bind(int index, bool value) { return bind(index, static_cast<int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::optional<double> value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const std::string& text) {
    return bind(index, std::string_view(text));
  }
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind_text_or_null(int index, std::string_view text);
  Statement& bind_blob(int index, std::string_view bytes);
  Statement& bind_null(int index);

  // Returns true while a row is available.
  bool step();
  // Steps a statement that returns no rows, then resets it for reuse.
  void run();
  void reset();

  bool is_null(int column) const;
  int64_t int64(int column) const;
  double real(int column) const;
  std::optional<double> optional_real(int column) const;
  std::string text(int column) const;
  // Valid until the next step/reset.
  std::string_view blob(int column) const;

  sqlite3_stmt* handle() const { return stmt_; }

 private:
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// One open connection. Keeps prepared statements for the SQL that runs once per row.
class Database {
 public:
  Database(const std::string& path, int flags);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  void exec(const std::string& sql);
  // A statement prepared once and reused; it comes back reset with its bindings cleared.
  Statement& cached(const std::string& sql);
  int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
  int64_t changes() const { return sqlite3_changes64(db_); }

  // Throws ArchiveError "<path>: <what>: <sqlite message>".
  [[noreturn]] void fail(const std::string& what) const;
  void check(int rc, const std::string& what) const;

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
  std::map<std::string, std::unique_ptr<Statement>, std::less<>> cache_;
};

// Runs its body inside a SAVEPOINT: released on success, rolled back when left by an exception.
class Savepoint {
 public:
  Savepoint(Database& db, std::string name);
  ~Savepoint();
  void release();

 private:
  Database& db_;
  std::string name_;
  bool done_ = false;
};

}  // namespace afterglow::store
