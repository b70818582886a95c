// The one reading of UTF-8 in afterglow. Strict, as the Unicode standard has it: no overlong
// forms, no surrogates (U+D800-U+DFFF), nothing past U+10FFFF, no sequence cut short. What one
// part calls valid, every other does too.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace afterglow::text {

// The UTF-8 encoding of U+FFFD, which stands for each byte that is not valid UTF-8.
inline constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length (1-4) of the valid UTF-8 sequence starting at text[i], or 0 when it is not one.
size_t utf8_sequence_length(std::string_view text, size_t i);

bool is_valid_utf8(std::string_view text);

// `text` with each byte that is not part of a valid sequence replaced by U+FFFD (one per byte,
// so the damage keeps its size). Nullopt when `text` is valid: the common case costs no copy.
std::optional<std::string> repair_utf8(std::string_view text);
// Always a copy: `text` itself when valid, else repaired.
std::string valid_utf8(std::string_view text);

struct CodePoint {
  char32_t value = 0;  // the code point; for an invalid byte, the byte's own value
  size_t length = 1;   // bytes it takes (1 for an invalid byte)
  bool valid = true;
};

// The code point at text[i] (i < text.size()). An invalid byte decodes as itself, one byte
// long, with `valid` false: callers decide whether to keep, skip or replace it.
CodePoint decode_utf8(std::string_view text, size_t i);

// Calls fn(CodePoint) for each code point or invalid byte of `text`, in order.
template <typename Fn>
void for_each_code_point(std::string_view text, Fn&& fn) {
  for (size_t i = 0; i < text.size();) {
    const CodePoint cp = decode_utf8(text, i);
    fn(cp);
    i += cp.length;
  }
}

// Appends the UTF-8 encoding of a code point (callers pass valid scalar values).
void append_utf8(std::string& out, char32_t code_point);

// Number of characters: bytes that are not continuation bytes (10xxxxxx). For valid UTF-8 this
// is the number of code points.
size_t count_code_points(std::string_view text);

// True for a byte that continues a sequence rather than starting one.
inline bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace afterglow::text
