// afterglow: keep AI conversations alive after the service behind them is gone.
#include <iostream>
#include <sstream>

#include "afterglow/i18n/language.h"
#include "afterglow/i18n/translate.h"
#include "afterglow/model/errors.h"
#include "afterglow/platform/platform.h"
#include "afterglow/viewer/terminal_text.h"
#include "commands.h"
#include "help.h"

int main(int argc, char** argv) {
  // Messages in the user's language; numbers, dates and sorting stay "C" (i18n/language.h).
  afterglow::i18n::use_the_users_language();
  afterglow::platform::prepare_console();
  afterglow::platform::use_time_zone_from_environment();
  using namespace afterglow;
  using i18n::_;
  // Named, so that the help says "afterglow" rather than the path the program was started by.
  CLI::App app{_("afterglow: a durable, searchable, offline archive of your AI conversations"),
               "afterglow"};
  // Before the subcommands are added: they copy the help flag as it is now.
  app.set_help_flag("-h,--help", _("Print this help message and exit"));
  app.set_version_flag("--version", std::string("afterglow ") + AFTERGLOW_VERSION,
                       _("Print the version and exit"));
  app.require_subcommand(0, 1);
  // CLI11 reads "/name" as an option on Windows; afterglow's options are the same everywhere, and
  // a path such as /work/export.zip (Wine, MSYS) is a path.
  app.allow_windows_style_options(false);
  cli::Context context;
  app.add_option("--archive", context.archive_option,
                 _("Archive file (default: $AFTERGLOW_ARCHIVE, else "
                   "$XDG_DATA_HOME/afterglow/archive.afterglow)"));

  cli::add_import_command(app, context);
  cli::add_list_command(app, context);
  cli::add_show_command(app, context);
  cli::add_export_command(app, context);
  cli::add_book_command(app, context);
  cli::add_search_command(app, context);
  cli::add_reindex_command(app, context);
  cli::add_serve_command(app, context);
  cli::add_verify_command(app, context);
  cli::add_app_command(app, context);
  cli::add_keepsake_commands(app, context);
  cli::add_memories_command(app, context);
  cli::add_firsts_command(app, context);
  cli::translate_help(app);

  try {
    // UTF-8 arguments on every platform (Windows passes them in the console's code page).
    std::vector<std::string> args = platform::utf8_arguments(argc, argv);
    std::vector<char*> utf8_argv;
    for (auto& arg : args) utf8_argv.push_back(arg.data());
    app.parse(static_cast<int>(utf8_argv.size()), utf8_argv.data());
    if (app.get_subcommands().empty()) cli::run_default_app(context);
  } catch (const CLI::ParseError& e) {
    // CLI11's messages quote the arguments: made terminal-safe like every other line.
    std::ostringstream out, err;
    const int status = app.exit(e, out, err);
    std::cout << viewer::terminal_text(out.str());
    std::cerr << viewer::terminal_text(err.str());
    return status;
  } catch (const cli::Exit& e) {
    return e.status;
  } catch (const QueryError& e) {
    std::cerr << "afterglow: " << i18n::format(_("bad query: {0}"), viewer::terminal_text(e.what()))
              << "\n";
    return 2;
  } catch (const NotFound& e) {
    std::cerr << "afterglow: " << viewer::terminal_text(e.what()) << "\n";
    return 1;
  } catch (const Error& e) {
    std::cerr << "afterglow: " << viewer::terminal_text(e.what()) << "\n";
    return 2;
  } catch (const std::exception& e) {
    // Not expected: say so plainly rather than crash, and point at the archive's safety.
    std::cerr << "afterglow: "
              << i18n::format(_("internal error: {0} (the archive was not changed by the failed "
                                "step)"),
                              viewer::terminal_text(e.what()))
              << "\n";
    return 3;
  }
  return 0;
}
