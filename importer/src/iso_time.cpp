#include "iso_time.h"

#include <cctype>
#include <chrono>

namespace afterglow::importer {

namespace {

// Reads exactly `width` digits at `pos`; advances `pos`.
std::optional<int> digits(std::string_view text, size_t& pos, size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (size_t i = 0; i < width; ++i) {
    const char c = text[pos + i];
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += width;
  return value;
}

bool expect(std::string_view text, size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

}  // namespace

std::optional<double> parse_iso_time(std::string_view text) {
  size_t pos = 0;
  auto year = digits(text, pos, 4);
  if (!year || !expect(text, pos, '-')) return std::nullopt;
  auto month = digits(text, pos, 2);
  if (!month || !expect(text, pos, '-')) return std::nullopt;
  auto day = digits(text, pos, 2);
  if (!day) return std::nullopt;
  using namespace std::chrono;
  const year_month_day date{std::chrono::year(*year),
                            std::chrono::month(static_cast<unsigned>(*month)),
                            std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  double seconds = static_cast<double>(sys_days(date).time_since_epoch().count()) * 86400.0;
  if (pos == text.size()) return seconds;
  if (text[pos] != 'T' && text[pos] != ' ') return std::nullopt;
  ++pos;
  auto hour = digits(text, pos, 2);
  if (!hour || *hour > 23 || !expect(text, pos, ':')) return std::nullopt;
  auto minute = digits(text, pos, 2);
  if (!minute || *minute > 59) return std::nullopt;
  int second = 0;
  if (expect(text, pos, ':')) {
    auto read = digits(text, pos, 2);
    if (!read || *read > 60) return std::nullopt;
    second = *read;
  }
  double fraction = 0;
  if (expect(text, pos, '.')) {
    double scale = 0.1;
    const size_t start = pos;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
      fraction += (text[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == start) return std::nullopt;
  }
  seconds += *hour * 3600.0 + *minute * 60.0 + second + fraction;
  if (pos == text.size() || (text[pos] == 'Z' && pos + 1 == text.size())) return seconds;
  if (text[pos] != '+' && text[pos] != '-') return std::nullopt;
  const double sign = text[pos] == '+' ? 1 : -1;
  ++pos;
  auto offset_hours = digits(text, pos, 2);
  if (!offset_hours || *offset_hours > 23) return std::nullopt;
  expect(text, pos, ':');
  auto offset_minutes = digits(text, pos, 2);
  if (!offset_minutes || *offset_minutes > 59 || pos != text.size()) return std::nullopt;
  // Local time minus its offset is UTC.
  return seconds - sign * (*offset_hours * 3600.0 + *offset_minutes * 60.0);
}

}  // namespace afterglow::importer
