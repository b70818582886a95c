// CLI11's own words (Usage, Options, Subcommands, the hint after an error) in the user's
// language, with the colon a Chinese heading takes.
#pragma once

#include <CLI/CLI.hpp>

namespace afterglow::cli {

// Call once every subcommand and option is on the app: renames the groups they are listed in.
void translate_help(CLI::App& app);

}  // namespace afterglow::cli
