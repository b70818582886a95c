// afterglow firsts [--json] [--date MM-DD]: the first conversation, the last ones with each
// retired model, and "on this day" (today, or --date) in every year.
#include <cctype>
#include <cstdint>
#include <ctime>
#include <iostream>

#include "afterglow/model/errors.h"
#include "afterglow/model/local_time.h"
#include "afterglow/store/firsts.h"
#include "afterglow/viewer/firsts_view.h"
#include "afterglow/viewer/terminal_text.h"
#include "commands.h"

namespace afterglow::cli {
namespace {

// "MM-DD" -> month and day; 02-29 is a day (of leap years).
std::pair<int, int> month_day(const std::string& text) {
  const bool shape = text.size() == 5 && text[2] == '-' && std::isdigit(uint8_t(text[0])) &&
                     std::isdigit(uint8_t(text[1])) && std::isdigit(uint8_t(text[3])) &&
                     std::isdigit(uint8_t(text[4]));
  if (shape) {
    const int month = std::stoi(text.substr(0, 2));
    const int day = std::stoi(text.substr(3, 2));
    if (model::parse_local_date("2024-" + text) && month >= 1 && day >= 1) return {month, day};
  }
  throw InputError(i18n::format(_("--date {0}: not a day of the year; use MM-DD"), text));
}

}  // namespace

void add_firsts_command(CLI::App& app, Context& context) {
  auto json = std::make_shared<bool>(false);
  auto date = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "firsts",
      _("The first conversation, the last ones with each retired model, and what was said on "
        "this day in every year"));
  cmd->add_flag("--json", *json, _("Print one JSON object"));
  cmd->add_option("--date", *date, _("The day for “on this day”, MM-DD (default: today)"));
  cmd->callback([json, date, &context] {
    const std::string day =
        date->empty() ? model::format_local(static_cast<double>(std::time(nullptr)), "%m-%d")
                      : *date;
    const auto [month, day_of_month] = month_day(day);
    auto archive = context.open_for_reading();
    const store::Firsts found = store::firsts(*archive, month, day_of_month);
    if (*json) {
      std::cout << viewer::terminal_json(viewer::firsts_json(found), 2) << "\n";
    } else {
      viewer::render_firsts_text(std::cout, found, stdout_is_terminal());
    }
  });
}

}  // namespace afterglow::cli
