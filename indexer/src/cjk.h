// Which code points Xapian's n-gram tokenizer treats as Chinese, Japanese or Korean, in one place
// for the indexer, the query builder and the snippets (the ranges of xapian-core 1.4's
// cjk-tokenizer.cc).
#pragma once

namespace afterglow::indexer {

constexpr bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3000 && c <= 0x9FFF) ||
         (c >= 0xA700 && c <= 0xA71F) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x2A6DF) ||
         (c >= 0x2F800 && c <= 0x2FA1F);
}

}  // namespace afterglow::indexer
