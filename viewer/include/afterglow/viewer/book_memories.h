// The memories page: pictures people would rather look at than read, drawn as inline SVG that
// needs no script and prints — a calendar of the days they talked, messages per month by model,
// the first, the latest and the longest conversation, the words exchanged.
#pragma once

#include <string>

#include "afterglow/viewer/book_stats.h"
#include "afterglow/viewer/html_strings.h"

namespace afterglow::viewer {

std::string memories_html(Lang lang, const BookStats& stats, const std::string& assistant);

// Days since 1970-01-01 of a civil date, and back (proleptic Gregorian).
long days_from_civil(int year, int month, int day);

}  // namespace afterglow::viewer
