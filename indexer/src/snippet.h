// Snippets: a short window of a message around its first match, matches between kMarkStart and
// kMarkEnd, whitespace folded to single spaces so a snippet fits on a line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace afterglow::indexer {

// The snippet the substring engine shows: every occurrence of a needle (ASCII case-insensitive,
// exact otherwise) in the window is marked. With no occurrence, the start of the text.
std::string substring_snippet(std::string_view text, const std::vector<std::string>& needles,
                              size_t max_bytes);

// The part of a long text worth handing to Xapian's snippet generator, which stems and scores
// every word it reads: from a little before the first place a term starts a word (ASCII
// case-insensitive; CJK anywhere) to a few snippets' length after it. The whole text when it
// is short or holds no term as written (a stem-only match: Xapian finds it).
struct TextWindow {
  size_t begin = 0, end = 0;
};
TextWindow snippet_window(std::string_view text, const std::vector<std::string>& terms,
                          size_t snippet_bytes);
// A snippet made from text[window] with an ellipsis wherever the window cut the text and the
// snippet reaches the cut.
std::string mark_window_cuts(std::string snippet, TextWindow window, size_t text_size);

// Xapian's snippets come HTML-escaped; turns them back into text and folds whitespace.
std::string tidy_xapian_snippet(std::string_view snippet);

// Xapian highlights each CJK n-gram it matched, so a search for 压力 also lights up a lone 力
// elsewhere. Joins touching marks; within marked CJK text, keeps marks only on the CJK runs of
// the query's terms.
std::string refine_cjk_marks(std::string_view snippet, const std::vector<std::string>& terms);

// True when the text holds a CJK run of one of the query's terms that the snippet does not mark
// on its own: Xapian 1.4 misses CJK text that runs straight into Latin letters ("学习machine"),
// or marks it together with the Latin word and a space that is not in the text.
bool misses_a_cjk_term(std::string_view snippet, std::string_view text,
                       const std::vector<std::string>& terms);

// Runs of whitespace (tab, newline, U+3000 excluded) become one space; trimmed.
std::string fold_whitespace(std::string_view text);

}  // namespace afterglow::indexer
