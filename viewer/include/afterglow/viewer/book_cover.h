// The book's cover: its title, subtitle, author, dedication, the months it spans and how many
// conversations and words it holds. Shared by the HTML book and the EPUB export.
#pragma once

#include <string>

#include "afterglow/viewer/book_stats.h"
#include "afterglow/viewer/html_book.h"

namespace afterglow::viewer {

// <section class="cover">…</section>; its <hr> is HTML's (html_to_xhtml makes it XML's).
std::string cover_html(const BookOptions& options, Lang lang, const BookStats& stats);
// "May 2024 – June 2025", or one month; empty when no conversation has a date.
std::string date_span(Lang lang, const BookStats& stats);

}  // namespace afterglow::viewer
