// afterglow: keep AI conversations alive after the service behind them is gone.
#include <clocale>
#include <iostream>

#include "afterglow/model/errors.h"
#include "commands.h"

int main(int argc, char** argv) {
  std::setlocale(LC_ALL, "");
  using namespace afterglow;
  CLI::App app{"afterglow: a durable, searchable, offline archive of your AI conversations"};
  app.set_version_flag("--version", std::string("afterglow ") + AFTERGLOW_VERSION);
  app.require_subcommand(1);
  cli::Context context;
  app.add_option("--archive", context.archive_option,
                 "Archive file (default: $AFTERGLOW_ARCHIVE, else "
                 "$XDG_DATA_HOME/afterglow/archive.afterglow)");

  cli::add_import_command(app, context);
  cli::add_list_command(app, context);
  cli::add_show_command(app, context);
  cli::add_export_command(app, context);
  cli::add_book_command(app, context);
  cli::add_search_command(app, context);
  cli::add_reindex_command(app, context);
  cli::add_serve_command(app, context);
  cli::add_verify_command(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const cli::Exit& e) {
    return e.status;
  } catch (const QueryError& e) {
    std::cerr << "afterglow: bad query: " << e.what() << "\n";
    return 2;
  } catch (const NotFound& e) {
    std::cerr << "afterglow: " << e.what() << "\n";
    return 1;
  } catch (const Error& e) {
    std::cerr << "afterglow: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    // Not expected: say so plainly rather than crash, and point at the archive's safety.
    std::cerr << "afterglow: internal error: " << e.what()
              << " (the archive was not changed by the failed step)\n";
    return 3;
  }
  return 0;
}
