// Code points and word characters, shared by word counts and the in-book search index (whose
// script, viewer/assets/book.js, splits queries by the same rules).
#pragma once

#include <string_view>

#include "afterglow/text/utf8.h"

namespace afterglow::viewer {

// Calls fn for each code point of UTF-8 text; invalid bytes are skipped.
template <typename Fn>
void for_each_code_point(std::string_view text, Fn&& fn) {
  text::for_each_code_point(text, [&](const text::CodePoint& cp) {
    if (cp.valid) fn(cp.value);
  });
}

// Han, kana and Hangul: written without spaces, so searched by single characters and pairs.
inline bool is_cjk(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F);
}

// Letters and digits of alphabetic scripts; punctuation, symbols and spaces separate words.
inline bool is_word_char(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0xC0 && cp <= 0x24F) return true;   // Latin with accents
  if (cp >= 0x370 && cp <= 0x52F) return true;  // Greek, Cyrillic
  if (cp >= 0x590 && cp <= 0x6FF) return true;  // Hebrew, Arabic
  if (cp >= 0x900 && cp <= 0xDFF) return true;  // Indic scripts
  if (cp >= 0xE00 && cp <= 0xEFF) return true;  // Thai, Lao
  return false;
}

}  // namespace afterglow::viewer
