// The subcommands of `afterglow`. Each lives in its own file and registers itself on the app;
// main.cpp only lists them.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>

#include "afterglow/i18n/translate.h"
#include "afterglow/store/archive.h"

namespace afterglow::cli {

// Every message a person reads is marked for translation (i18n/translate.h).
using i18n::_;
using i18n::plural;

// What every subcommand shares: where the archive is.
struct Context {
  std::string archive_option;  // --archive, empty when not given

  // --archive, else $AFTERGLOW_ARCHIVE, else $XDG_DATA_HOME/afterglow/archive.afterglow,
  // else ~/.local/share/afterglow/archive.afterglow.
  std::filesystem::path archive_path() const;
  // Opens the archive for reading; a missing one is a clear error telling how to make one.
  std::unique_ptr<store::Archive> open_for_reading() const;
};

// Thrown by a command to end with a given exit status after it has said why.
struct Exit {
  int status;
};

bool stdout_is_terminal();
bool stderr_is_terminal();

void add_import_command(CLI::App& app, Context& context);
void add_list_command(CLI::App& app, Context& context);
void add_show_command(CLI::App& app, Context& context);
void add_export_command(CLI::App& app, Context& context);
void add_book_command(CLI::App& app, Context& context);
void add_search_command(CLI::App& app, Context& context);
void add_reindex_command(CLI::App& app, Context& context);
void add_serve_command(CLI::App& app, Context& context);
void add_verify_command(CLI::App& app, Context& context);
void add_app_command(CLI::App& app, Context& context);
// star, unstar, note, letter, rest, wake and keepsakes (keepsakes.cpp).
void add_keepsake_commands(CLI::App& app, Context& context);
// memories (memories.cpp): what the companion remembered about the person.
void add_memories_command(CLI::App& app, Context& context);
// firsts (firsts.cpp): the first conversation, the last with each retired model, on this day.
void add_firsts_command(CLI::App& app, Context& context);
// `afterglow` with no command: the app, as a double-click starts it.
void run_default_app(Context& context);
// Indexes what the archive gained since the search indexes last saw it (reindex.cpp).
void update_search_indexes(store::Archive& archive, bool show_progress);

}  // namespace afterglow::cli
