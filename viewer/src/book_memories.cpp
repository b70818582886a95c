#include "afterglow/viewer/book_memories.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "afterglow/viewer/html_escape.h"

namespace afterglow::viewer {
namespace {

constexpr int kCell = 11;
constexpr int kPitch = 13;
constexpr int kTopModels = 5;

std::string esc(std::string_view s) { return html_escape(s); }

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.ends_with(".0")) s.resize(s.size() - 2);
  return s;
}

int weekday_of(long days) { return static_cast<int>(((days % 7) + 11) % 7); }  // 1970-01-01: Thu

std::string day_label(Lang lang, int key) {
  LocalParts p;
  p.year = key / 10000;
  p.month = key / 100 % 100;
  p.day = key % 100;
  return format_day(lang, p);
}

std::string messages_text(Lang lang, int64_t n) {
  return n == 1 ? tr(lang, Text::one_message)
                : tr(lang, Text::messages, {{"n", group_thousands(n)}});
}

// Levels 1..4 by the quartiles of the days that had any message, so one marathon day does not
// wash every other day out.
std::vector<int64_t> quartiles(const std::map<int, int64_t>& per_day) {
  std::vector<int64_t> counts;
  for (const auto& [day, n] : per_day) counts.push_back(n);
  std::sort(counts.begin(), counts.end());
  if (counts.empty()) return {1, 1, 1};
  auto at = [&](double q) {
    return counts[static_cast<size_t>(q * static_cast<double>(counts.size() - 1))];
  };
  return {at(0.25), at(0.5), at(0.75)};
}

int level_of(int64_t n, const std::vector<int64_t>& q) {
  if (n <= 0) return 0;
  if (n <= q[0]) return 1;
  if (n <= q[1]) return 2;
  if (n <= q[2]) return 3;
  return 4;
}

std::string calendar_svg(Lang lang, int year, const std::map<int, int64_t>& per_day,
                         const std::vector<int64_t>& q) {
  const long jan1 = days_from_civil(year, 1, 1);
  const long next = days_from_civil(year + 1, 1, 1);
  const int offset = weekday_of(jan1);  // rows are Sunday..Saturday
  const int weeks = static_cast<int>((next - jan1 + offset + 6) / 7);
  const int left = 22, top = 14;
  const int width = left + weeks * kPitch, height = top + 7 * kPitch;
  std::string out = "<figure class=\"calendar\"><figcaption>" + std::to_string(year) +
                    "</figcaption><svg class=\"calendar\" viewBox=\"0 0 " + std::to_string(width) +
                    " " + std::to_string(height) + "\" role=\"img\" aria-label=\"" +
                    esc(tr(lang, Text::calendar) + " " + std::to_string(year)) + "\">\n";
  for (int m = 1; m <= 12; ++m) {
    long d = days_from_civil(year, m, 1) - jan1;
    int week = static_cast<int>((d + offset + 6) / 7);  // the first full week of the month
    if (week >= weeks - 1) continue;
    std::string name = month_name(lang, m);
    if (lang == Lang::en) name = name.substr(0, 3);
    out += "<text class=\"axis\" x=\"" + std::to_string(left + week * kPitch) + "\" y=\"10\">" +
           esc(name) + "</text>\n";
  }
  // Monday, Wednesday and Friday, as wall calendars label their rows.
  static const char* const en_days[] = {"Mon", "Wed", "Fri"};
  static const char* const zh_days[] = {"一", "三", "五"};
  for (int k = 0; k < 3; ++k) {
    out += "<text class=\"axis\" x=\"0\" y=\"" + std::to_string(top + (1 + 2 * k) * kPitch + 9) +
           "\">" + (lang == Lang::zh ? zh_days[k] : en_days[k]) + "</text>\n";
  }
  for (long d = 0; d < next - jan1; ++d) {
    long cell = d + offset;
    int week = static_cast<int>(cell / 7), dow = static_cast<int>(cell % 7);
    LocalParts p;
    p.year = year;
    // The civil date of day d of the year.
    int month = 12;
    while (month > 1 && days_from_civil(year, month, 1) - jan1 > d) --month;
    int day = static_cast<int>(d - (days_from_civil(year, month, 1) - jan1)) + 1;
    int key = year * 10000 + month * 100 + day;
    auto it = per_day.find(key);
    int64_t n = it == per_day.end() ? 0 : it->second;
    out += "<rect x=\"" + std::to_string(left + week * kPitch) + "\" y=\"" +
           std::to_string(top + dow * kPitch) + "\" width=\"" + std::to_string(kCell) +
           "\" height=\"" + std::to_string(kCell) + "\" rx=\"2\" class=\"l" +
           std::to_string(level_of(n, q)) + "\"><title>" + esc(day_label(lang, key)) + " · " +
           esc(messages_text(lang, n)) + "</title></rect>\n";
  }
  out += "</svg></figure>\n";
  return out;
}

std::string calendar_legend(Lang lang) {
  std::string out = "<p class=\"legend heat\">" + esc(tr(lang, Text::less));
  out += " <svg viewBox=\"0 0 64 11\" class=\"legend-cells\" aria-hidden=\"true\">";
  for (int l = 0; l <= 4; ++l) {
    out += "<rect x=\"" + std::to_string(l * 13) +
           "\" y=\"0\" width=\"11\" height=\"11\" rx=\"2\" class=\"l" + std::to_string(l) + "\"/>";
  }
  out += "</svg> " + esc(tr(lang, Text::more)) + "</p>\n";
  return out;
}

std::string months_svg(Lang lang, const BookStats& stats) {
  const auto& per_month = stats.per_month_model();
  if (per_month.empty()) return "";
  // The five models with most messages get their own colour; the rest share one.
  std::vector<std::pair<std::string, int64_t>> models(stats.per_model().begin(),
                                                      stats.per_model().end());
  std::sort(models.begin(), models.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> top;
  for (size_t i = 0; i < models.size() && static_cast<int>(i) < kTopModels; ++i) {
    top.push_back(models[i].first);
  }
  bool has_other = models.size() > top.size();
  auto series_of = [&](const std::string& model) {
    auto it = std::find(top.begin(), top.end(), model);
    return it == top.end() ? kTopModels : static_cast<int>(it - top.begin());
  };

  int first = per_month.begin()->first, last = per_month.rbegin()->first;
  std::vector<int> months;
  for (int ym = first; ym <= last;) {
    months.push_back(ym);
    ym = ym % 100 == 12 ? (ym / 100 + 1) * 100 + 1 : ym + 1;
  }
  int64_t max_total = 1;
  for (const auto& [ym, by_model] : per_month) {
    int64_t total = 0;
    for (const auto& [m, n] : by_model) total += n;
    max_total = std::max(max_total, total);
  }
  const double left = 44, right = 8, top_pad = 10, plot_h = 170, bottom = 24;
  const double width = 720, plot_w = width - left - right;
  const double slot = plot_w / static_cast<double>(months.size());
  const double bar = std::max(1.0, slot > 4 ? slot - std::min(3.0, slot * 0.2) : slot);
  std::string out = "<svg class=\"months\" viewBox=\"0 0 " + num(width) + " " +
                    num(top_pad + plot_h + bottom) + "\" role=\"img\" aria-label=\"" +
                    esc(tr(lang, Text::messages_by_month)) + "\">\n";
  for (int g = 0; g <= 2; ++g) {
    double y = top_pad + plot_h - plot_h * g / 2.0;
    int64_t value = max_total * g / 2;
    out += "<line class=\"grid\" x1=\"" + num(left) + "\" x2=\"" + num(width - right) + "\" y1=\"" +
           num(y) + "\" y2=\"" + num(y) + "\"/>";
    out += "<text class=\"axis\" x=\"" + num(left - 6) + "\" y=\"" + num(y + 4) +
           "\" text-anchor=\"end\">" + group_thousands(value) + "</text>\n";
  }
  for (size_t i = 0; i < months.size(); ++i) {
    int ym = months[i];
    double x = left + slot * static_cast<double>(i) + (slot - bar) / 2;
    auto it = per_month.find(ym);
    double y = top_pad + plot_h;
    if (it != per_month.end()) {
      std::vector<int64_t> series(kTopModels + 1, 0);
      for (const auto& [m, n] : it->second) series[static_cast<size_t>(series_of(m))] += n;
      int64_t total = 0;
      std::string tip = format_month(lang, ym / 100, ym % 100);
      for (size_t s = 0; s < series.size(); ++s) {
        if (series[s] == 0) continue;
        total += series[s];
        tip += "\n" +
               (s < top.size() ? (top[s].empty() ? "?" : top[s]) : tr(lang, Text::other_models)) +
               ": " + group_thousands(series[s]);
      }
      out += "<g><title>" + esc(tip) + "</title>";
      for (size_t s = 0; s < series.size(); ++s) {
        if (series[s] == 0) continue;
        double h = plot_h * static_cast<double>(series[s]) / static_cast<double>(max_total);
        y -= h;
        out += "<rect class=\"s" + std::to_string(s) + "\" x=\"" + num(x) + "\" y=\"" + num(y) +
               "\" width=\"" + num(bar) + "\" height=\"" + num(h) + "\"/>";
      }
      out += "</g>\n";
      (void)total;
    }
    if (ym % 100 == 1 || i == 0) {
      out += "<text class=\"axis\" x=\"" + num(left + slot * static_cast<double>(i)) + "\" y=\"" +
             num(top_pad + plot_h + 16) + "\">" + std::to_string(ym / 100) + "</text>\n";
    }
  }
  out += "</svg>\n<p class=\"legend\">";
  for (size_t s = 0; s < top.size() + (has_other ? 1 : 0); ++s) {
    std::string name =
        s < top.size() ? (top[s].empty() ? "?" : top[s]) : tr(lang, Text::other_models);
    out += "<span class=\"key\"><svg viewBox=\"0 0 10 10\" aria-hidden=\"true\"><rect class=\"s" +
           std::to_string(s) + "\" width=\"10\" height=\"10\" rx=\"2\"/></svg>" + esc(name) +
           "</span> ";
  }
  out += "</p>\n";
  return out;
}

std::string moment_card(Lang lang, Text heading, const BookEntry& e) {
  std::string out = "<a class=\"moment\" href=\"" + esc(e.href) + "\"><span class=\"label\">" +
                    esc(tr(lang, heading)) + "</span><span class=\"title\">" + esc(e.title) +
                    "</span><span class=\"when\">";
  if (e.create_time) out += esc(format_day(lang, local_parts(*e.create_time)));
  out += " · " + esc(messages_text(lang, e.messages)) + "</span>";
  if (!e.first_words.empty()) out += "<span class=\"quote\">" + esc(e.first_words) + "</span>";
  out += "</a>\n";
  return out;
}

std::string figure(const std::string& value, const std::string& label) {
  return "<div class=\"figure\"><span class=\"value\">" + esc(value) +
         "</span><span class=\"label\">" + esc(label) + "</span></div>\n";
}

}  // namespace

long days_from_civil(int y, int m, int d) {
  // Howard Hinnant's algorithm.
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string memories_html(Lang lang, const BookStats& stats, const std::string& assistant) {
  std::string out = "<section class=\"memories\" id=\"memories\">\n<h2>" +
                    esc(tr(lang, Text::memories)) + "</h2>\n";
  const auto& per_day = stats.per_day();
  // Longest run of consecutive days and the busiest day.
  int streak = 0, best_streak = 0;
  long previous = 0;
  int busiest = 0;
  int64_t busiest_n = 0;
  for (const auto& [key, n] : per_day) {
    long d = days_from_civil(key / 10000, key / 100 % 100, key % 100);
    streak = (streak > 0 && d == previous + 1) ? streak + 1 : 1;
    best_streak = std::max(best_streak, streak);
    previous = d;
    if (n > busiest_n) {
      busiest_n = n;
      busiest = key;
    }
  }
  out += "<div class=\"figures\">\n";
  size_t n = stats.entries().size();
  out += figure(group_thousands(static_cast<long long>(n)), tr(lang, Text::label_conversations));
  out +=
      figure(group_thousands(static_cast<long long>(per_day.size())), tr(lang, Text::label_days));
  out += figure(group_thousands(best_streak), tr(lang, Text::label_streak));
  out += figure(group_thousands(stats.words()), tr(lang, Text::label_words));
  out += "</div>\n";

  // Words exchanged: two bars in proportion.
  out += "<h3>" + esc(tr(lang, Text::words_exchanged)) + "</h3>\n";
  double total = static_cast<double>(std::max<int64_t>(1, stats.words()));
  double you = 600.0 * static_cast<double>(stats.words_user()) / total;
  double them = 600.0 * static_cast<double>(stats.words_assistant()) / total;
  out += "<svg class=\"words\" viewBox=\"0 0 600 44\" role=\"img\" aria-label=\"" +
         esc(tr(lang, Text::words_exchanged)) + "\"><rect class=\"you\" x=\"0\" y=\"0\" width=\"" +
         num(std::max(you, stats.words_user() > 0 ? 2.0 : 0.0)) +
         "\" height=\"18\" rx=\"3\"/><rect class=\"them\" x=\"0\" y=\"24\" width=\"" +
         num(std::max(them, stats.words_assistant() > 0 ? 2.0 : 0.0)) +
         "\" height=\"18\" rx=\"3\"/></svg>\n";
  out += "<p class=\"words-caption\"><span class=\"you\">" +
         esc(tr(lang, Text::you_wrote, {{"n", group_thousands(stats.words_user())}})) +
         "</span> · <span class=\"them\">" +
         esc(tr(lang, Text::they_wrote,
                {{"name", assistant}, {"n", group_thousands(stats.words_assistant())}})) +
         "</span></p>\n";

  if (!per_day.empty()) {
    out += "<h3>" + esc(tr(lang, Text::calendar)) + "</h3>\n<div class=\"calendars\">\n";
    auto q = quartiles(per_day);
    int first_year = per_day.begin()->first / 10000, last_year = per_day.rbegin()->first / 10000;
    for (int y = last_year; y >= first_year; --y) out += calendar_svg(lang, y, per_day, q);
    out += "</div>\n" + calendar_legend(lang);
    out += "<h3>" + esc(tr(lang, Text::messages_by_month)) + "</h3>\n";
    out += months_svg(lang, stats);
  }

  out += "<div class=\"moments\">\n";
  if (auto i = stats.first_entry()) {
    out += moment_card(lang, Text::first_conversation, stats.entries()[*i]);
  }
  if (auto i = stats.last_entry(); i && i != stats.first_entry()) {
    out += moment_card(lang, Text::last_conversation, stats.entries()[*i]);
  }
  if (auto i = stats.longest_entry()) {
    out += moment_card(lang, Text::longest_conversation, stats.entries()[*i]);
  }
  if (busiest_n > 0) {
    out += "<div class=\"moment\"><span class=\"label\">" + esc(tr(lang, Text::busiest_day)) +
           "</span><span class=\"title\">" + esc(day_label(lang, busiest)) +
           "</span><span class=\"when\">" + esc(messages_text(lang, busiest_n)) + "</span></div>\n";
  }
  out += "</div>\n</section>\n";
  return out;
}

}  // namespace afterglow::viewer
