// The one way text from an archive, an export or a user's input reaches a terminal. A message
// may hold escape sequences (ESC ] 0 ; title BEL retitles the window, ESC [ 2 J clears the screen,
// others remap keys or write files on some terminals); printed raw, the terminal would obey them.
// Every terminal view (show, search, list, titles, snippets, error lines quoting input) passes
// its text through terminal_text, and Style (text_style.h) does so for what it styles.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace afterglow::viewer {

// The text with every control character but newline and tab made visible and inert:
// C0 controls and DEL as "\x1b", "\x07", "\x7f"; C1 controls (U+0080-U+009F, which some
// terminals obey as ESC + letter) as "\u009b"; bytes that are not UTF-8 as "\xff". A carriage
// return before a newline (Windows line ends) is dropped; a lone one, which would let the text
// overwrite its own line, is shown as "\r".
std::string terminal_text(std::string_view text);

// JSON for a terminal: `json.dump(indent)` already escapes C0 controls inside strings; DEL and
// the C1 controls, which JSON allows raw, are escaped too ("\u007f", "\u009b"), so `--json`
// printed to a terminal is as inert as the text views. Still the same JSON value.
std::string terminal_json(const nlohmann::json& json, int indent = -1);

}  // namespace afterglow::viewer
