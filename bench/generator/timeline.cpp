#include "generator/timeline.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <span>

namespace afterglow::bench {

namespace {

using namespace std::string_view_literals;

struct WeightedModel {
  std::string_view slug;
  int weight;
};

constexpr std::array kEarly2023 = {WeightedModel{"text-davinci-002-render-sha"sv, 1}};
constexpr std::array k2023 = {WeightedModel{"text-davinci-002-render-sha"sv, 55},
                              WeightedModel{"gpt-4"sv, 45}};
constexpr std::array kEarly2024 = {WeightedModel{"gpt-4"sv, 60},
                                   WeightedModel{"text-davinci-002-render-sha"sv, 40}};
constexpr std::array kGpt4oEra = {WeightedModel{"gpt-4o"sv, 85}, WeightedModel{"gpt-4o-mini"sv, 10},
                                  WeightedModel{"gpt-4"sv, 5}};
constexpr std::array kO1Era = {WeightedModel{"gpt-4o"sv, 70}, WeightedModel{"o1-preview"sv, 12},
                               WeightedModel{"o1-mini"sv, 6}, WeightedModel{"gpt-4o-mini"sv, 12}};
constexpr std::array kO3Era = {WeightedModel{"gpt-4o"sv, 55}, WeightedModel{"o3"sv, 25},
                               WeightedModel{"o4-mini"sv, 10}, WeightedModel{"gpt-4-5"sv, 5},
                               WeightedModel{"gpt-4o-mini"sv, 5}};
constexpr std::array kGpt5Era = {WeightedModel{"gpt-5"sv, 50},
                                 WeightedModel{"gpt-5-thinking"sv, 30},
                                 WeightedModel{"gpt-4o"sv, 10}, WeightedModel{"o3"sv, 10}};
constexpr std::array kGpt52Era = {
    WeightedModel{"gpt-5-2"sv, 45}, WeightedModel{"gpt-5-2-thinking"sv, 35},
    WeightedModel{"gpt-5-t-mini"sv, 10}, WeightedModel{"gpt-5"sv, 10}};

std::string_view pick_weighted(Rng& rng, std::span<const WeightedModel> models) {
  int total = 0;
  for (const auto& m : models) total += m.weight;
  auto roll = static_cast<int>(rng.below(static_cast<std::uint64_t>(total)));
  for (const auto& m : models) {
    if (roll < m.weight) return m.slug;
    roll -= m.weight;
  }
  return models.front().slug;
}

}  // namespace

Micros pick_conversation_start(Rng& rng) {
  // Density grows linearly with time: t = first + span * sqrt(u).
  const double span = static_cast<double>(dates::kLast - dates::kFirst);
  const auto offset = static_cast<Micros>(span * std::sqrt(rng.unit()));
  return dates::kFirst + offset;
}

std::string_view pick_model(Rng& rng, Micros when) {
  if (when < dates::kGpt4) return pick_weighted(rng, kEarly2023);
  if (when < dates::k2024) return pick_weighted(rng, k2023);
  if (when < dates::kGpt4o) return pick_weighted(rng, kEarly2024);
  if (when < dates::kO1) return pick_weighted(rng, kGpt4oEra);
  if (when < dates::kO3) return pick_weighted(rng, kO1Era);
  if (when < dates::kGpt5) return pick_weighted(rng, kO3Era);
  if (when < dates::kGpt52) return pick_weighted(rng, kGpt5Era);
  return pick_weighted(rng, kGpt52Era);
}

bool is_reasoning_model(std::string_view slug) {
  return slug.starts_with("o1") || slug == "o3" || slug == "o4-mini" ||
         slug.ends_with("thinking") || slug == "gpt-5-t-mini";
}

std::string iso_datetime(Micros when) {
  // Days since the epoch to a civil date (H. Hinnant's algorithm); no time zone database needed.
  const long long seconds_total = when / dates::kSecond;
  long long days = seconds_total / 86400;
  const long long second_of_day = seconds_total % 86400;
  days += 719468;
  const long long era = days / 146097;
  const long long doe = days - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long day = doy - (153 * mp + 2) / 5 + 1;
  const long long month = mp < 10 ? mp + 3 : mp - 9;
  const long long year = yoe + era * 400 + (month <= 2);
  char buf[160];  // generous: the compiler cannot bound the fields
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%06lld+00:00", year,
                month, day, second_of_day / 3600, second_of_day / 60 % 60, second_of_day % 60,
                static_cast<long long>(when % dates::kSecond));
  return buf;
}

}  // namespace afterglow::bench
