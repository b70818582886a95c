// A prepared SQLite statement that finalizes itself and reports failures as ArchiveError.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace afterglow::indexer {

using SqlValue = std::variant<std::string, double, int64_t>;

class SqlStatement {
 public:
  SqlStatement(sqlite3* db, std::string_view sql);
  ~SqlStatement();
  SqlStatement(const SqlStatement&) = delete;
  SqlStatement& operator=(const SqlStatement&) = delete;

  SqlStatement& bind(int index, const SqlValue& value);
  SqlStatement& bind_optional(int index, std::optional<double> value);
  bool step();   // true while a row is available
  void run();    // steps a statement without rows
  void reset();  // ready to run again (bindings are replaced by the next bind calls)

  bool is_null(int column) const;
  int64_t int64(int column) const;
  double real(int column) const;
  std::string text(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Runs SQL without results; throws ArchiveError on failure.
void sql_exec(sqlite3* db, const std::string& sql);
// "<database file>: <what>: <sqlite message>".
[[noreturn]] void sql_fail(sqlite3* db, const std::string& what);

}  // namespace afterglow::indexer
