// Cutting text to a size without splitting a character: file names, titles, excerpts.
// A cut may still fall between the code points of one grapheme (an emoji joined with U+200D, a
// letter and its accent); the result is always valid UTF-8 when the input was.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace afterglow::text {

// "…" (U+2026), which marks every cut that the reader sees.
inline constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

// The longest prefix of `text` of at most `max_bytes` bytes that ends on a character boundary.
std::string_view cut_at_character(std::string_view text, size_t max_bytes);

// `i` moved back to the start of the character it falls in (unchanged at or past the end).
size_t character_start(std::string_view text, size_t i);

// The first non-blank line of `text` (leading spaces and blank lines skipped), at most
// `max_chars` characters, with "…" when cut.
std::string first_line(std::string_view text, size_t max_chars);

// Where an excerpt may end when it is cut.
enum class ExcerptEnd {
  at_character,  // right after the last character that fits
  near_word,     // at the last space when one is within 24 bytes of the cut, else at_character
};

// All of `text` on one line: runs of spaces, tabs and line breaks become one space (none at the
// ends). Longer than `max_chars` characters, it is cut with "…" (scripts written without spaces
// are cut anywhere).
std::string one_line_excerpt(std::string_view text, size_t max_chars,
                             ExcerptEnd end = ExcerptEnd::near_word);

}  // namespace afterglow::text
