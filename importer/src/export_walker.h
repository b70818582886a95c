// Visits every file of an export in one forward pass, whatever the input: a zip (read entry by
// entry with libarchive, never extracted), zips nested in a Privacy-Portal zip (read through
// their outer entry, still streaming), an unzipped folder, or a bare JSON file.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

#include "afterglow/importer/importer.h"
#include "afterglow/model/import_sink.h"

namespace afterglow::importer {

// `json` is any single file: a JSON file, or Takeout's HTML page of Gemini activity.
enum class InputKind { zip, folder, json };

// Looks at the path and the first bytes. Throws InputError for what is none of the three.
InputKind detect_input_kind(const std::filesystem::path& input);

struct WalkedMember {
  model::MemberInfo info;  // path relative to the input, nested zips included
  std::string inner_path;  // path inside the innermost zip (or the folder)
  int nesting = 0;         // 0 at the top level, 1 inside a nested export zip
};

// Pulls the bytes of the current member. read() returns 0 at its end and throws InputError
// when the data is damaged. A visitor may stop early; the walker skips the rest.
class MemberReader {
 public:
  virtual ~MemberReader() = default;
  virtual size_t read(char* buffer, size_t capacity) = 0;
};

using MemberVisitor = std::function<void(const WalkedMember&, MemberReader&)>;

// Told about entries that are skipped or renamed because they cannot be kept safely.
using WalkWarning = std::function<void(const std::string&)>;

// Financial/ members are never visited and never read. Zip entries whose names would leave the
// export (absolute, "..") and links are skipped; names that are not UTF-8 are repaired. Throws
// InputError for encrypted entries and when the zip goes past `limits`.
void walk_export(const std::filesystem::path& input, InputKind kind, const MemberVisitor& visit,
                 const Limits& limits = {}, const WalkWarning& warn = {});

}  // namespace afterglow::importer
