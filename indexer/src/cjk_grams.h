// The short Chinese, Japanese and Korean terms the FTS5 engine indexes beside its trigrams: a
// trigram index cannot answer a one- or two-character query, the commonest kind in Chinese, so
// without these terms such a query read every message's text (LIKE). One function for the rows
// and the queries, so that both cut text the same way.
#pragma once

#include <string>
#include <string_view>

namespace afterglow::indexer {

// Every CJK character of `text` and every pair of adjacent CJK characters, separated by spaces
// (FTS5's `ascii` tokenizer then reads each as one token); "" when `text` has no CJK character.
std::string cjk_grams(std::string_view text);

// True when a query term of one or two characters, all CJK, can be looked up as one gram.
bool is_cjk_gram_term(std::string_view term);

}  // namespace afterglow::indexer
