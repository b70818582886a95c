// What the keepsake commands (star, note, letter, rest, keepsakes) share: opening the archive to
// write the person's own rows, and reading a text from the command line or a file.
#pragma once

#include <memory>
#include <string>

#include "commands.h"

namespace afterglow::cli {

// The archive for a small write of the person's own; a missing archive is the same clear error
// as for reading (nothing to star before an import).
std::unique_ptr<store::Archive> open_for_keeping(const Context& context);

// TEXT, or the contents of --file (one trailing line break dropped). Exactly one of them; an
// unreadable file is "<file>: <problem>".
std::string text_argument(const std::string& text, const std::string& file, bool text_given);

// A conversation's title as a person reads it, for the one line each command prints.
std::string conversation_title(const store::Archive& archive, const std::string& conversation_id);

void add_star_commands(CLI::App& app, Context& context);
void add_note_command(CLI::App& app, Context& context);
void add_letter_command(CLI::App& app, Context& context);
void add_rest_commands(CLI::App& app, Context& context);

}  // namespace afterglow::cli
