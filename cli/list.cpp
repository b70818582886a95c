// afterglow list: one line per conversation, newest first.
#include <iostream>

#include "afterglow/model/errors.h"
#include "afterglow/model/local_time.h"
#include "afterglow/viewer/list_view.h"
#include "afterglow/viewer/terminal_text.h"
#include "commands.h"

namespace afterglow::cli {
namespace {

struct ListOptions {
  std::string model, after, before;
  int64_t limit = -1;
  bool json = false;
};

model::TimeRange date_or_throw(const std::string& text, const char* option) {
  auto range = model::parse_local_date(text);
  if (!range) {
    throw InputError(
        i18n::format(_("{0} {1}: not a date; use YYYY, YYYY-MM or YYYY-MM-DD"), option, text));
  }
  return *range;
}

}  // namespace

void add_list_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<ListOptions>();
  auto* cmd = app.add_subcommand("list", _("List conversations, newest first"));
  cmd->add_option("--model", options->model, _("Only this model, e.g. gpt-4o"));
  cmd->add_option("--after", options->after, _("Created on or after this date (YYYY[-MM[-DD]])"));
  cmd->add_option("--before", options->before, _("Created before this date (YYYY[-MM[-DD]])"));
  cmd->add_option("--limit", options->limit, _("At most this many"));
  cmd->add_flag("--json", options->json, _("Print a JSON array"));
  cmd->callback([options, &context] {
    store::ListFilter filter;
    filter.model = options->model;
    filter.limit = options->limit;
    if (!options->after.empty()) filter.after = date_or_throw(options->after, "--after").begin;
    if (!options->before.empty()) filter.before = date_or_throw(options->before, "--before").begin;
    auto archive = context.open_for_reading();
    auto list = archive->list(filter);
    if (options->json) {
      std::cout << viewer::terminal_json(viewer::list_json(list), 2) << "\n";
    } else {
      viewer::render_list_text(std::cout, list, stdout_is_terminal());
    }
  });
}

}  // namespace afterglow::cli
