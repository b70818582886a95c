#include "exporter/export_support.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "afterglow/model/utf8_path.h"

namespace afterglow::testing {

std::vector<std::string> files_under(const std::filesystem::path& folder) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) {
      const auto relative = entry.path().lexically_relative(folder).generic_u8string();
      files.emplace_back(relative.begin(), relative.end());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

long long archive_count(const std::filesystem::path& archive, const std::string& sql) {
  sqlite3* db = nullptr;
  long long value = -1;
  if (sqlite3_open_v2(utf8_string(archive).c_str(), &db, SQLITE_OPEN_READONLY, nullptr) ==
      SQLITE_OK) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
      value = sqlite3_column_int64(statement, 0);
    }
    sqlite3_finalize(statement);
  }
  sqlite3_close(db);
  return value;
}

void expect_golden(const std::string& name, const std::string& actual) {
  auto path = std::filesystem::path(AFTERGLOW_SOURCE_DIR) / "tests" / "exporter" / "expected" /
              utf8_path(name);
  if (std::getenv("AFTERGLOW_UPDATE_GOLDEN")) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path)) << path << " missing";
  EXPECT_EQ(actual, read_file(path)) << "output differs from " << path;
}

}  // namespace afterglow::testing
