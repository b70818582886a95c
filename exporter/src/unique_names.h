// File names within one folder that never collide, also on the file systems that ignore case
// (Windows, macOS): a second "2024-05-13 Hello.md" becomes "2024-05-13 Hello (2).md".
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace afterglow::exporter {

class UniqueNames {
 public:
  // wikilink_safe: also replaces the characters an Obsidian [[link]] cannot hold (# ^ [ ] |).
  explicit UniqueNames(bool wikilink_safe = false) : wikilink_safe_(wikilink_safe) {}
  // `stem` made safe on every file system (model::safe_file_name) and cut to a length every
  // system accepts with room for the folder, then numbered if taken; `extension` with its dot.
  std::string claim(std::string_view stem, std::string_view extension);

 private:
  bool wikilink_safe_;
  std::set<std::string> taken_;  // case-folded (ASCII) full names
};

}  // namespace afterglow::exporter
