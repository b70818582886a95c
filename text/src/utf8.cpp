#include "afterglow/text/utf8.h"

namespace afterglow::text {

size_t utf8_sequence_length(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  const size_t n = c < 0x80           ? 1
                   : (c >> 5) == 0x6  ? 2
                   : (c >> 4) == 0xE  ? 3
                   : (c >> 3) == 0x1E ? 4
                                      : 0;
  if (n == 0 || i + n > text.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  if (n == 2 && c < 0xC2) return 0;                                          // overlong
  if (n == 3 && c == 0xE0 && byte(i + 1) < 0xA0) return 0;                   // overlong
  if (n == 3 && c == 0xED && byte(i + 1) >= 0xA0) return 0;                  // surrogate
  if (n == 4 && c == 0xF0 && byte(i + 1) < 0x90) return 0;                   // overlong
  if (n == 4 && (c > 0xF4 || (c == 0xF4 && byte(i + 1) >= 0x90))) return 0;  // > U+10FFFF
  return n;
}

namespace {

// Bytes of the valid prefix of `text`.
size_t valid_prefix(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const size_t n = utf8_sequence_length(text, i);
    if (n == 0) break;
    i += n;
  }
  return i;
}

}  // namespace

bool is_valid_utf8(std::string_view text) { return valid_prefix(text) == text.size(); }

std::optional<std::string> repair_utf8(std::string_view text) {
  size_t i = valid_prefix(text);
  if (i == text.size()) return std::nullopt;
  std::string out(text.substr(0, i));
  out.reserve(text.size() + 8);
  while (i < text.size()) {
    const size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string valid_utf8(std::string_view text) {
  auto repaired = repair_utf8(text);
  return repaired ? std::move(*repaired) : std::string(text);
}

CodePoint decode_utf8(std::string_view text, size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const size_t n = utf8_sequence_length(text, i);
  if (n == 0) return {lead, 1, false};
  if (n == 1) return {lead, 1, true};
  char32_t value = lead & (0xFF >> (n + 1));
  for (size_t k = 1; k < n; ++k) {
    value = (value << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  }
  return {value, n, true};
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

size_t count_code_points(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += !is_continuation_byte(c);
  return n;
}

}  // namespace afterglow::text
