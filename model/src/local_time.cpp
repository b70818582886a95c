#include "afterglow/model/local_time.h"

#include <charconv>
#include <cmath>
#include <ctime>

namespace afterglow::model {
namespace {

bool parse_int(std::string_view text, int& out) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// mktime normalises out-of-range fields instead of failing, so check the round trip.
std::optional<double> local_midnight(int year, int month, int day) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_isdst = -1;
  std::time_t t = std::mktime(&tm);
  if (t == static_cast<std::time_t>(-1) || tm.tm_year != year - 1900 || tm.tm_mon != month - 1 ||
      tm.tm_mday != day) {
    return std::nullopt;
  }
  return static_cast<double>(t);
}

}  // namespace

std::optional<TimeRange> parse_local_date(std::string_view text) {
  int year = 0, month = 0, day = 0;
  if (text.size() == 4 && parse_int(text, year)) {
    auto b = local_midnight(year, 1, 1), e = local_midnight(year + 1, 1, 1);
    if (b && e) return TimeRange{*b, *e};
  } else if (text.size() == 7 && text[4] == '-' && parse_int(text.substr(0, 4), year) &&
             parse_int(text.substr(5, 2), month) && month >= 1 && month <= 12) {
    auto b = local_midnight(year, month, 1);
    auto e = month == 12 ? local_midnight(year + 1, 1, 1) : local_midnight(year, month + 1, 1);
    if (b && e) return TimeRange{*b, *e};
  } else if (text.size() == 10 && text[4] == '-' && text[7] == '-' &&
             parse_int(text.substr(0, 4), year) && parse_int(text.substr(5, 2), month) &&
             parse_int(text.substr(8, 2), day)) {
    auto b = local_midnight(year, month, day);
    if (!b) return std::nullopt;
    // The next calendar day, not +86400: days around a DST change are 23 or 25 hours long.
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day + 1;
    tm.tm_isdst = -1;
    std::time_t e = std::mktime(&tm);
    if (e != static_cast<std::time_t>(-1)) return TimeRange{*b, static_cast<double>(e)};
  }
  return std::nullopt;
}

bool representable_time(double epoch_seconds) {
  // NaN fails both comparisons; the infinities fail one.
  return epoch_seconds >= kEarliestTime && epoch_seconds <= kLatestTime;
}

std::string format_local(double epoch_seconds, const char* strftime_format) {
  if (!representable_time(epoch_seconds)) return "";
  std::time_t t = static_cast<std::time_t>(std::floor(epoch_seconds));
  std::tm tm{};
  // Within the calendar but beyond the C runtime (Windows' stops at the year 3000): unknown,
  // never a wrong date.
  if (!localtime_r(&t, &tm)) return "";
  char buf[128];
  size_t n = std::strftime(buf, sizeof buf, strftime_format, &tm);
  return std::string(buf, n);
}

int local_year(double epoch_seconds) {
  if (!representable_time(epoch_seconds)) return 0;
  std::time_t t = static_cast<std::time_t>(std::floor(epoch_seconds));
  std::tm tm{};
  if (!localtime_r(&t, &tm)) return 0;
  return tm.tm_year + 1900;
}

}  // namespace afterglow::model
