// Reading an EPUB back: its entries in the order the zip holds them, read with libzip (the
// library that wrote them is not what checks them: the tests also read the raw bytes).
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace afterglow::testing {

// Every entry of the zip, name and bytes, in the zip's order; fails the test when unreadable.
std::vector<std::pair<std::string, std::string>> zip_entries(const std::filesystem::path& file);

// The bytes of the entry called `name` (empty when there is none).
std::string entry_named(const std::vector<std::pair<std::string, std::string>>& entries,
                        const std::string& name);

}  // namespace afterglow::testing
