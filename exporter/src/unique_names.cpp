#include "unique_names.h"

#include "afterglow/model/file_names.h"
#include "afterglow/text/case.h"
#include "afterglow/text/cut.h"

namespace afterglow::exporter {
namespace {

// Long titles are cut so that a path inside the export stays well under Windows' 260
// characters; 120 bytes hold a whole sentence in English or forty Chinese characters.
constexpr size_t max_stem_bytes = 120;

}  // namespace

std::string UniqueNames::claim(std::string_view stem, std::string_view extension) {
  std::string base(text::cut_at_character(stem, max_stem_bytes));
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
    if (taken_.insert(text::to_lower_ascii(name)).second) return name;
  }
}

}  // namespace afterglow::exporter
