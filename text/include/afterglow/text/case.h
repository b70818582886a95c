// Case folding as afterglow does it: ASCII only for names, extensions, MIME types and query
// words (never dependent on the locale), and a simple one-to-one fold of the Latin-1, Greek and
// Cyrillic capitals for the book's own search index (its script, viewer/assets/book.js, folds
// the same letters).
#pragma once

#include <string>
#include <string_view>

namespace afterglow::text {

// A-Z -> a-z; every other byte unchanged.
char to_lower_ascii(char c);
std::string to_lower_ascii(std::string_view text);
// Whether a and b are equal once A-Z are folded.
bool equals_ignoring_ascii_case(std::string_view a, std::string_view b);

// A-Z, À-Þ (but ×), Α-Ω and А-Я to their small letters; every other code point unchanged.
char32_t fold_simple_case(char32_t code_point);

}  // namespace afterglow::text
