// afterglow letter --title T TEXT|--file F: a letter of the person's own, kept in the archive.
#include <ctime>
#include <iostream>

#include "afterglow/model/errors.h"
#include "afterglow/model/local_time.h"
#include "afterglow/store/keepsakes.h"
#include "keepsake_support.h"

namespace afterglow::cli {
namespace {

struct LetterOptions {
  std::string title, date, text, file;
};

}  // namespace

void add_letter_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<LetterOptions>();
  auto* cmd = app.add_subcommand(
      "letter", _("Write a letter (a title, a date, Markdown text) to keep with the archive"));
  cmd->add_option("--title", options->title, _("The letter's title"))->required();
  cmd->add_option("--date", options->date, _("The letter's date, YYYY-MM-DD (default: today)"));
  auto* text = cmd->add_option("TEXT", options->text, _("The letter, in Markdown"));
  cmd->add_option("--file", options->file, _("Read the letter from this file (Markdown)"));
  cmd->callback([options, text, &context] {
    const std::string date =
        options->date.empty()
            ? model::format_local(static_cast<double>(std::time(nullptr)), "%Y-%m-%d")
            : options->date;
    if (!store::valid_letter_date(date)) {
      throw InputError(i18n::format(_("--date {0}: not a date; use YYYY-MM-DD"), date));
    }
    if (options->title.empty()) throw InputError(_("--title: a letter needs a title"));
    const std::string body = text_argument(options->text, options->file, text->count() > 0);
    auto archive = open_for_keeping(context);
    const int64_t id = store::add_letter(*archive, options->title, date, body);
    std::cout << i18n::format(_("Kept letter {0}, “{1}”, dated {2}."), id, options->title, date)
              << "\n";
  });
}

}  // namespace afterglow::cli
