#include "text_normalise.h"

#include <cstdint>
#include <vector>

#include "afterglow/text/utf8.h"

namespace afterglow::indexer {
namespace {

constexpr char32_t kEntityStart = 0xE200, kEntityEnd = 0xE201, kFieldSeparator = 0xE202;
constexpr char32_t kCitationOpen = 0x3010;  // 【

// Invalid bytes decode as themselves (one byte long), so that nothing is lost from damaged text.
char32_t decode(std::string_view s, size_t i, size_t& len) {
  const text::CodePoint cp = text::decode_utf8(s, i);
  len = cp.length;
  return cp.value;
}

bool is_private_use(char32_t c) { return c >= 0xE000 && c <= 0xF8FF; }

// "turn0search1", "turn12news3": the anchors inside citation entities.
bool is_anchor(std::string_view field) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < field.size() && field[i] >= '0' && field[i] <= '9') ++i;
    return i > start;
  };
  if (field.substr(0, 4) != "turn") return false;
  i = 4;
  if (!digits()) return false;
  size_t start = i;
  while (i < field.size() && field[i] >= 'a' && field[i] <= 'z') ++i;
  if (i == start) return false;
  return digits() && i == field.size();
}

// Appends the readable fields of an entity body (between U+E200 and U+E201): the first field is
// its kind ("cite", "navlist"), anchors are ids; anything else (a navlist title) is text.
void append_entity_text(std::string_view body, std::string& out) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  for (size_t i = 0; i < body.size();) {
    size_t len = 0;
    char32_t c = decode(body, i, len);
    if (c == kFieldSeparator) {
      fields.push_back(body.substr(start, i - start));
      start = i + len;
    }
    i += len;
  }
  fields.push_back(body.substr(start));
  for (size_t k = 1; k < fields.size(); ++k) {
    if (fields[k].empty() || is_anchor(fields[k])) continue;
    out += ' ';
    out += fields[k];
  }
  out += ' ';
}

}  // namespace

std::string searchable_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t len = 0;
    char32_t c = decode(text, i, len);
    if (c == kEntityStart) {
      // Find the end of the entity; an unterminated one is dropped up to the end of its line.
      size_t j = i + len;
      size_t end = std::string_view::npos;
      for (size_t k = j; k < text.size();) {
        size_t l = 0;
        char32_t d = decode(text, k, l);
        if (d == kEntityEnd) {
          end = k;
          break;
        }
        if (d == '\n' || d == kEntityStart) break;
        k += l;
      }
      if (end == std::string_view::npos) {
        out += ' ';
        i += len;
        continue;
      }
      append_entity_text(text.substr(j, end - j), out);
      i = end + 3;  // U+E201 is three bytes
      continue;
    }
    if (c == kCitationOpen) {
      // 【11†source】: a citation mark only when a dagger comes before the closing bracket.
      size_t close = text.find("\xE3\x80\x91", i + len);   // 】
      size_t dagger = text.find("\xE2\x80\xA0", i + len);  // †
      if (close != std::string_view::npos && dagger != std::string_view::npos && dagger < close &&
          close - i < 200) {
        out += ' ';
        i = close + 3;
        continue;
      }
    }
    if (is_private_use(c) || (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
      out += ' ';
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

}  // namespace afterglow::indexer
