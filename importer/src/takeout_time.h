// The dates of Google Takeout's HTML pages, written in English whatever the account's language:
// "Feb 2, 2026, 7:24:02 AM GMT+08:00", "Mar 9, 2025, 11:05:00 PM PST" (a narrow no-break space,
// U+202F, may stand before AM/PM) -> UTC seconds since the epoch.
#pragma once

#include <optional>
#include <string_view>

namespace afterglow::importer {

// Nullopt for anything that is not such a date, or names a zone afterglow does not know, so a
// time is never guessed.
std::optional<double> parse_takeout_time(std::string_view text);

}  // namespace afterglow::importer
