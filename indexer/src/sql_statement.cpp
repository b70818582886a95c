#include "sql_statement.h"

#include "afterglow/model/errors.h"

namespace afterglow::indexer {

void sql_fail(sqlite3* db, const std::string& what) {
  const char* file = sqlite3_db_filename(db, "main");
  throw ArchiveError(std::string(file && *file ? file : "archive") + ": " + what + ": " +
                     sqlite3_errmsg(db));
}

void sql_exec(sqlite3* db, const std::string& sql) {
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    sql_fail(db, "search index");
  }
}

SqlStatement::SqlStatement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
      SQLITE_OK) {
    sql_fail(db, "search index");
  }
}

SqlStatement::~SqlStatement() { sqlite3_finalize(stmt_); }

SqlStatement& SqlStatement::bind(int index, const SqlValue& value) {
  int rc = SQLITE_OK;
  if (const auto* s = std::get_if<std::string>(&value)) {
    rc = sqlite3_bind_text(stmt_, index, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
  } else if (const auto* d = std::get_if<double>(&value)) {
    rc = sqlite3_bind_double(stmt_, index, *d);
  } else {
    rc = sqlite3_bind_int64(stmt_, index, std::get<int64_t>(value));
  }
  if (rc != SQLITE_OK) sql_fail(db_, "search index");
  return *this;
}

SqlStatement& SqlStatement::bind_optional(int index, std::optional<double> value) {
  if (value) return bind(index, *value);
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) sql_fail(db_, "search index");
  return *this;
}

bool SqlStatement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sql_fail(db_, "search index");
}

void SqlStatement::run() {
  while (step()) {
  }
  sqlite3_reset(stmt_);
}

void SqlStatement::reset() { sqlite3_reset(stmt_); }

bool SqlStatement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}
int64_t SqlStatement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }
double SqlStatement::real(int column) const { return sqlite3_column_double(stmt_, column); }
std::string SqlStatement::text(int column) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : "";
}

}  // namespace afterglow::indexer
