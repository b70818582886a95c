// Calendar dates and times in the person's local time zone (the TZ environment variable), used
// by list filters, the search query language and every renderer, so that "after:2024-05" means
// the same instant everywhere.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace afterglow::model {

// A half-open span of UTC epoch seconds: [begin, end).
struct TimeRange {
  double begin = 0;
  double end = 0;
};

// "2024", "2024-05" or "2024-05-13" -> the span of that year, month or day in local time.
// Returns nullopt for anything else (including impossible dates such as 2024-13 or 2024-02-30).
std::optional<TimeRange> parse_local_date(std::string_view text);

// The instants afterglow keeps as times: from 0001-01-01 to 9999-12-31 (UTC), finite. Every
// renderer prints a four-digit year and converts to time_t; a time outside this span (an
// export's -1.5e308, 1e300, NaN) is "unknown time" instead: the importer drops it with a
// warning, and the functions below never convert it.
inline constexpr double kEarliestTime = -62135596800.0;  // 0001-01-01T00:00:00Z
inline constexpr double kLatestTime = 253402300799.0;    // 9999-12-31T23:59:59Z
bool representable_time(double epoch_seconds);

// Formats epoch seconds in local time with strftime syntax, e.g. "%Y-%m-%d %H:%M"; "" for a
// time that is not representable.
std::string format_local(double epoch_seconds, const char* strftime_format);

// Year (local time) of an instant, for facets and tables of contents; 0 for a time that is not
// representable.
int local_year(double epoch_seconds);

}  // namespace afterglow::model
