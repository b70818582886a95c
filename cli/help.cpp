#include "help.h"

#include <memory>
#include <optional>
#include <string>

#include "afterglow/i18n/translate.h"

namespace afterglow::cli {
namespace {

using i18n::_;

// Replaces `from` wherever a line starts with it.
void replace_at_line_starts(std::string& text, const std::string& from, const std::string& to) {
  if (from == to) return;
  if (text.rfind(from, 0) == 0) text.replace(0, from.size(), to);
  for (size_t at = text.find("\n" + from); at != std::string::npos;
       at = text.find("\n" + from, at + 1 + to.size())) {
    text.replace(at + 1, from.size(), to);
  }
}

// CLI11 ends every heading with an ASCII ':'; the translation says how a heading is written
// ("Options:" in English, "选项：" in Chinese).
class TranslatedFormatter : public CLI::Formatter {
 public:
  std::string make_help(const CLI::App* app, std::string name,
                        CLI::AppFormatMode mode) const override {
    std::string help = CLI::Formatter::make_help(app, name, mode);
    const std::string usage = get_label("Usage");
    // TRANSLATORS: the start of the usage line, "Usage: afterglow [OPTIONS] SUBCOMMAND".
    replace_at_line_starts(help, usage + ": ", i18n::format(_("{0}: "), usage));
    const std::string headings[] = {get_label("Positionals"), _("Options"), _("Subcommands")};
    for (const std::string& heading : headings) {
      // TRANSLATORS: a heading of --help, such as "Options:"; {0} is the heading's word.
      replace_at_line_starts(help, heading + ":", i18n::format(_("{0}:"), heading));
    }
    return help;
  }
};

// CLI11 writes its errors in English. The common ones are recognised by their English words and
// said again in the user's language; any other (or one a later CLI11 words differently) is shown
// as CLI11 wrote it.
std::string translated_error(const std::string& what) {
  auto after = [&what](const std::string& start) -> std::optional<std::string> {
    if (what.rfind(start, 0) != 0) return std::nullopt;
    return what.substr(start.size());
  };
  if (what == "A subcommand is required") return _("A subcommand is required");
  const std::string required = " is required";
  if (what.size() > required.size() &&
      what.compare(what.size() - required.size(), required.size(), required) == 0) {
    return i18n::format(_("{0} is required"), what.substr(0, what.size() - required.size()));
  }
  if (auto rest = after("The following argument was not expected: ")) {
    return i18n::format(_("The following argument was not expected: {0}"), *rest);
  }
  if (auto rest = after("The following arguments were not expected: ")) {
    return i18n::format(_("The following arguments were not expected: {0}"), *rest);
  }
  if (const size_t at = what.find(": Path does not exist: "); at != std::string::npos) {
    return i18n::format(_("{0}: no such file or folder: {1}"), what.substr(0, at),
                        what.substr(at + std::string(": Path does not exist: ").size()));
  }
  return what;
}

void rename_groups(CLI::App& app) {
  for (CLI::Option* option : app.get_options()) {
    if (option->get_group() == "Options") option->group(_("Options"));
  }
  for (CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_group() == "Subcommands") sub->group(_("Subcommands"));
    rename_groups(*sub);
  }
}

}  // namespace

void translate_help(CLI::App& app) {
  auto formatter = std::make_shared<TranslatedFormatter>();
  formatter->label("Usage", _("Usage"));
  // TRANSLATORS: OPTIONS and SUBCOMMAND stand for what to type in the usage line.
  formatter->label("OPTIONS", _("OPTIONS"));
  formatter->label("SUBCOMMAND", _("SUBCOMMAND"));
  formatter->label("SUBCOMMANDS", _("SUBCOMMANDS"));
  // TRANSLATORS: the heading over the arguments given without an option name.
  formatter->label("Positionals", _("Positionals"));
  formatter->label("REQUIRED", _("REQUIRED"));
  app.formatter(formatter);
  for (CLI::App* sub : app.get_subcommands({})) sub->formatter(formatter);
  rename_groups(app);
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return translated_error(e.what()) + "\n" + _("Run with --help for more information.") + "\n";
  });
}

}  // namespace afterglow::cli
