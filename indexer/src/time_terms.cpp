#include "time_terms.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>

#include "afterglow/indexer/schema.h"

namespace afterglow::indexer {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

double seconds_of(sys_days day) {
  return static_cast<double>(
      std::chrono::duration_cast<std::chrono::seconds>(day.time_since_epoch()).count());
}

// The years the terms cover: four digits, so that the terms sort and never collide.
const double kFirst = seconds_of(sys_days{std::chrono::year{1000} / 1 / 1});
const double kEnd = seconds_of(sys_days{std::chrono::year{10000} / 1 / 1});
// Cut days, days and months at both ends of a span come to at most 84 pieces, plus its years.
constexpr size_t kMostPieces = 128;

sys_days day_of(double t) { return sys_days{days{static_cast<int64_t>(std::floor(t / 86400.0))}}; }

std::string prefix() { return std::string(schema_row("calendar").prefix); }

std::string year_term(const year_month_day& d) {
  char out[8];
  std::snprintf(out, sizeof out, "%04d", static_cast<int>(d.year()));
  return prefix() + out;
}

std::string month_term(const year_month_day& d) {
  char out[12];
  std::snprintf(out, sizeof out, "%04d-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()));
  return prefix() + out;
}

std::string day_term(const year_month_day& d) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return prefix() + out;
}

}  // namespace

std::vector<std::string> time_terms(double t) {
  if (!std::isfinite(t) || t < kFirst || t >= kEnd) return {};
  const year_month_day d{day_of(t)};
  return {year_term(d), month_term(d), day_term(d)};
}

Xapian::Query time_span_query(std::optional<double> from, std::optional<double> until,
                              double earliest, double latest, Xapian::valueno slot) {
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  // Only the years that have terms, and only what the index holds: no message lies before
  // `earliest` or after `latest`, so a span reaching past either may end instead at the widest
  // calendar boundary beyond it that the span still covers (after:2025 is then a few years,
  // not every day up to the newest message).
  if ((from && *from > latest) || (until && *until <= earliest)) return Xapian::Query::MatchNothing;
  // Messages outside the years with terms cannot match; nor can bounds there be turned into days.
  if (!(earliest < kEnd && latest >= kFirst)) return Xapian::Query::MatchNothing;
  earliest = std::max(earliest, kFirst);
  latest = std::min(latest, std::nextafter(kEnd, 0.0));
  double lo = std::max(from.value_or(-kInfinity), kFirst);
  if (lo < earliest) {
    const sys_days day = day_of(earliest);
    const year_month_day d{day};
    for (double start : {seconds_of(sys_days{d.year() / 1 / 1}),
                         seconds_of(sys_days{d.year() / d.month() / 1}), seconds_of(day)}) {
      if (start >= lo) {
        lo = start;
        break;
      }
    }
  }
  double hi = std::min(until.value_or(kInfinity), kEnd);
  if (hi > latest) {
    const sys_days day = day_of(latest);
    const year_month_day d{day};
    for (double end : {seconds_of(sys_days{(d.year() + std::chrono::years{1}) / 1 / 1}),
                       seconds_of(sys_days{(d.year() / d.month() + std::chrono::months{1}) / 1}),
                       seconds_of(day + days{1})}) {
      if (end <= hi) {
        hi = end;
        break;
      }
    }
  }
  // The part of one day the span cuts: that day's messages, checked against their time value.
  auto cut_day = [slot](const year_month_day& d, double a, double b) {
    return Xapian::Query(
        Xapian::Query::OP_FILTER, Xapian::Query(day_term(d)),
        Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, Xapian::sortable_serialise(a),
                      Xapian::sortable_serialise(std::nextafter(b, -kInfinity))));
  };
  std::vector<Xapian::Query> pieces;
  // Nothing lies beyond `latest`: the pieces stop at the first that reaches past it.
  for (double t = lo; t < hi && t <= latest;) {
    const sys_days day = day_of(t);
    const year_month_day d{day};
    const double day_end = seconds_of(day + days{1});
    if (t > seconds_of(day) || day_end > hi) {
      const double end = std::min(day_end, hi);
      pieces.push_back(cut_day(d, t, end));
      t = end;
      continue;
    }
    if (d.month() == std::chrono::January && d.day() == std::chrono::day{1}) {
      const double year_end = seconds_of(sys_days{(d.year() + std::chrono::years{1}) / 1 / 1});
      if (year_end <= hi) {
        pieces.emplace_back(year_term(d));
        t = year_end;
        continue;
      }
    }
    if (d.day() == std::chrono::day{1}) {
      const double month_end =
          seconds_of(sys_days{(d.year() / d.month() + std::chrono::months{1}) / 1});
      if (month_end <= hi) {
        pieces.emplace_back(month_term(d));
        t = month_end;
        continue;
      }
    }
    pieces.emplace_back(day_term(d));
    t = day_end;
  }
  if (pieces.empty()) return Xapian::Query::MatchNothing;
  // Spans of more than about 40 years (an index with a message dated in the far future): one
  // range over the time values reads less than hundreds of terms.
  if (pieces.size() > kMostPieces) {
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, Xapian::sortable_serialise(lo),
                         Xapian::sortable_serialise(std::nextafter(hi, -kInfinity)));
  }
  return Xapian::Query(Xapian::Query::OP_OR, pieces.begin(), pieces.end());
}

}  // namespace afterglow::indexer
