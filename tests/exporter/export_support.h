// What the export tests share: an archive made from an export by the real program, the export
// run by the real program, and reading back what it wrote.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cli/cli_runner.h"

namespace afterglow::testing {

// Every file under `folder`, as paths relative to it (UTF-8, '/'), sorted.
std::vector<std::string> files_under(const std::filesystem::path& folder);

// A single number from the archive, e.g. "SELECT count(*) FROM nodes".
long long archive_count(const std::filesystem::path& archive, const std::string& sql);

// Compares with tests/exporter/expected/<name>; AFTERGLOW_UPDATE_GOLDEN=1 writes it instead.
void expect_golden(const std::string& name, const std::string& actual);

}  // namespace afterglow::testing
