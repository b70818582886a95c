#include "takeout_time.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "iso_time.h"
#include "json_text.h"

namespace afterglow::importer {

namespace {

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

// The zone abbreviations Takeout writes for the zones that use them; anything else it writes
// as GMT±H:MM. Minutes east of UTC.
constexpr std::array<std::pair<std::string_view, int>, 33> kZones = {{
    {"utc", 0},     {"gmt", 0},    {"z", 0},      {"wet", 0},    {"west", 60},  {"bst", 60},
    {"cet", 60},    {"cest", 120}, {"eet", 120},  {"eest", 180}, {"msk", 180},  {"ist", 330},
    {"sgt", 480},   {"hkt", 480},  {"awst", 480}, {"jst", 540},  {"kst", 540},  {"acst", 570},
    {"aest", 600},  {"aedt", 660}, {"nzst", 720}, {"nzdt", 780}, {"hst", -600}, {"akst", -540},
    {"akdt", -480}, {"pst", -480}, {"pdt", -420}, {"mst", -420}, {"mdt", -360}, {"cst", -360},
    {"cdt", -300},  {"est", -300}, {"edt", -240},
}};

// The words of the date: runs of letters, digits or the signs a zone offset uses, with any
// space (ASCII, U+00A0, U+202F) or comma between them.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    size_t skip = 0;
    if (c == ' ' || c == ',' || c == '\t' || c == '\n') skip = 1;
    if (text.substr(i, 2) == "\xC2\xA0") skip = 2;
    if (text.substr(i, 3) == "\xE2\x80\xAF" || text.substr(i, 3) == "\xE2\x80\x89") skip = 3;
    if (skip) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
      i += skip;
      continue;
    }
    if (c >= 0x80) return {};  // any other character: not a Takeout date
    word += static_cast<char>(std::tolower(c));
    ++i;
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::optional<int> number(std::string_view text, size_t max_digits) {
  if (text.empty() || text.size() > max_digits) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// "gmt+08:00", "gmt-5", "utc+0530", "gmt", "pst" -> minutes east of UTC.
std::optional<int> zone_offset(std::string_view zone) {
  for (std::string_view base : {"gmt", "utc"}) {
    if (!starts_with(zone, base) || zone.size() == base.size()) continue;
    std::string_view rest = zone.substr(base.size());
    const int sign = rest[0] == '+' ? 1 : rest[0] == '-' ? -1 : 0;
    if (sign == 0) return std::nullopt;
    rest.remove_prefix(1);
    std::optional<int> hours, minutes = 0;
    if (const size_t colon = rest.find(':'); colon != std::string_view::npos) {
      hours = number(rest.substr(0, colon), 2);
      minutes = number(rest.substr(colon + 1), 2);
    } else if (rest.size() == 4) {
      hours = number(rest.substr(0, 2), 2);
      minutes = number(rest.substr(2), 2);
    } else {
      hours = number(rest, 2);
    }
    if (!hours || !minutes || *hours > 14 || *minutes > 59) return std::nullopt;
    return sign * (*hours * 60 + *minutes);
  }
  for (const auto& [name, offset] : kZones) {
    if (zone == name) return offset;
  }
  return std::nullopt;
}

}  // namespace

std::optional<double> parse_takeout_time(std::string_view text) {
  // month day year h:mm:ss am|pm zone
  const std::vector<std::string> words = words_of(text);
  if (words.size() != 6) return std::nullopt;
  int month = 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (words[0].size() >= 3 && starts_with(words[0], kMonths[i])) month = static_cast<int>(i) + 1;
  }
  const auto day = number(words[1], 2);
  const auto year = number(words[2], 4);
  if (month == 0 || !day || !year || words[2].size() != 4) return std::nullopt;
  const std::string& clock = words[3];
  const size_t first = clock.find(':');
  const size_t second = clock.find(':', first == std::string::npos ? first : first + 1);
  if (first == std::string::npos || second == std::string::npos) return std::nullopt;
  auto hour = number(std::string_view(clock).substr(0, first), 2);
  const auto minute = number(std::string_view(clock).substr(first + 1, second - first - 1), 2);
  const auto seconds = number(std::string_view(clock).substr(second + 1), 2);
  if (!hour || !minute || !seconds || *hour < 1 || *hour > 12) return std::nullopt;
  if (words[4] == "pm") {
    if (*hour != 12) *hour += 12;
  } else if (words[4] == "am") {
    if (*hour == 12) *hour = 0;
  } else {
    return std::nullopt;
  }
  const auto offset = zone_offset(words[5]);
  if (!offset) return std::nullopt;
  const int magnitude = *offset < 0 ? -*offset : *offset;
  char iso[64];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", *year, month, *day,
                *hour, *minute, *seconds, *offset < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
  return parse_iso_time(iso);
}

}  // namespace afterglow::importer
