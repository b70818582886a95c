#include "unique_names.h"

#include "afterglow/model/file_names.h"

namespace afterglow::exporter {
namespace {

// Long titles are cut so that a path inside the export stays well under Windows' 260
// characters; 120 bytes hold a whole sentence in English or forty Chinese characters.
constexpr size_t max_stem_bytes = 120;

std::string cut_at_character(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end));
}

std::string fold_case(std::string_view name) {
  std::string folded(name);
  for (auto& ch : folded) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return folded;
}

}  // namespace

std::string UniqueNames::claim(std::string_view stem, std::string_view extension) {
  std::string base = cut_at_character(stem, max_stem_bytes);
  if (wikilink_safe_) {
    for (auto& ch : base) {
      if (std::string_view("#^[]|").find(ch) != std::string_view::npos) ch = '_';
    }
  }
  for (int n = 1;; ++n) {
    std::string candidate = base + (n == 1 ? "" : " (" + std::to_string(n) + ")");
    // The stem made safe on its own first, so that its trailing dots and spaces are too.
    std::string name =
        model::safe_file_name(model::safe_file_name(candidate) + std::string(extension));
    if (taken_.insert(fold_case(name)).second) return name;
  }
}

}  // namespace afterglow::exporter
