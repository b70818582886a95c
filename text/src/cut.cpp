#include "afterglow/text/cut.h"

#include "afterglow/text/utf8.h"

namespace afterglow::text {

std::string_view cut_at_character(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  return text.substr(0, character_start(text, max_bytes));
}

size_t character_start(std::string_view text, size_t i) {
  while (i > 0 && i < text.size() && is_continuation_byte(text[i])) --i;
  return i;
}

std::string first_line(std::string_view text, size_t max_chars) {
  const size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return "";
  text.remove_prefix(start);
  text = text.substr(0, text.find('\n'));
  size_t chars = 0, i = 0;
  while (i < text.size() && chars < max_chars) {
    i += decode_utf8(text, i).length;
    ++chars;
  }
  if (i >= text.size()) return std::string(text);
  return std::string(text.substr(0, i)) + std::string(kEllipsis);
}

namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// How far before a cut a space may be and still be where the cut goes instead.
constexpr size_t kWordBoundaryReach = 24;

}  // namespace

std::string one_line_excerpt(std::string_view text, size_t max_chars, ExcerptEnd end) {
  std::string out;
  size_t chars = 0;
  bool pending_space = false;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (!is_continuation_byte(ch)) {
      if (chars + (pending_space ? 1 : 0) >= max_chars) {
        const size_t space = out.rfind(' ');
        if (end == ExcerptEnd::near_word && space != std::string::npos &&
            space + kWordBoundaryReach >= out.size()) {
          out.resize(space);
        }
        out += kEllipsis;
        return out;
      }
      if (pending_space) {
        out.push_back(' ');
        ++chars;
        pending_space = false;
      }
      ++chars;
    }
    out.push_back(ch);
  }
  return out;
}

}  // namespace afterglow::text
