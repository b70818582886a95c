#include "exporter/epub_support.h"

#include <gtest/gtest.h>
#include <zip.h>

#include "afterglow/model/utf8_path.h"

namespace afterglow::testing {

std::vector<std::pair<std::string, std::string>> zip_entries(const std::filesystem::path& file) {
  std::vector<std::pair<std::string, std::string>> entries;
  int error = 0;
  zip_t* zip = zip_open(utf8_string(file).c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
  EXPECT_NE(zip, nullptr) << utf8_string(file) << ": not a readable zip (" << error << ")";
  if (!zip) return entries;
  const zip_int64_t count = zip_get_num_entries(zip, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const auto index = static_cast<zip_uint64_t>(i);
    zip_stat_t stat;
    zip_stat_init(&stat);
    EXPECT_EQ(zip_stat_index(zip, index, 0, &stat), 0);
    std::string bytes(stat.size, '\0');
    zip_file_t* entry = zip_fopen_index(zip, index, 0);
    EXPECT_NE(entry, nullptr) << stat.name;
    if (!entry) continue;
    EXPECT_EQ(zip_fread(entry, bytes.data(), stat.size), static_cast<zip_int64_t>(stat.size));
    zip_fclose(entry);
    entries.emplace_back(stat.name, std::move(bytes));
  }
  zip_close(zip);
  return entries;
}

std::string entry_named(const std::vector<std::pair<std::string, std::string>>& entries,
                        const std::string& name) {
  for (const auto& [entry, bytes] : entries) {
    if (entry == name) return bytes;
  }
  return "";
}

}  // namespace afterglow::testing
