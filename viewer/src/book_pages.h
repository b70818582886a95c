// The pages around the conversations: the frame every page shares (with its strict
// Content-Security-Policy), the cover, the table of contents, "about this book" and search.
#pragma once

#include <string>
#include <vector>

#include "afterglow/viewer/book_cover.h"
#include "afterglow/viewer/book_stats.h"
#include "afterglow/viewer/html_book.h"

namespace afterglow::viewer {

struct PageFrame {
  Lang lang = Lang::en;
  Theme theme = Theme::automatic;
  std::string title;
  std::string body_class;
  // Folder books link their files; a single-file book inlines them and allows its inline
  // scripts by hash, since a file has no 'self' to load from.
  std::vector<std::string> stylesheets;  // hrefs
  std::vector<std::string> scripts;      // hrefs
  std::string inline_style;
  std::vector<std::string> inline_scripts;
};

std::string page_start(const PageFrame& frame);
std::string page_end(const PageFrame& frame);

// `root` is how links from this page reach the book's root ("", "../", or "" with #anchors).
struct BookLinks {
  std::string index, about, memories, contents;
  std::string remembered = {};  // the chapter "What it remembered"; empty when not in the book
};

std::string contents_html(Lang lang, const BookStats& stats, const BookLinks& links);
std::string search_html(Lang lang);
std::string about_html(const BookOptions& options, Lang lang, const BookStats& stats,
                       const std::vector<store::OriginalFile>& originals, bool math_rendered,
                       bool has_math, const std::string& digests_href);
// The little bar at the top of a page: back to the contents, about, memories.
std::string top_nav_html(Lang lang, const BookLinks& links);

}  // namespace afterglow::viewer
