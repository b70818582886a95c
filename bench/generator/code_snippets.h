// Code blocks for assistant answers and for Code Interpreter calls: small templates in several
// languages, filled with identifiers from the conversation's topic.
#pragma once

#include <string>
#include <string_view>

#include "generator/prose.h"
#include "generator/random.h"

namespace afterglow::bench {

// A language tag as written after ``` ("python", "cpp", "bash", ...), chosen for the topic.
std::string_view pick_code_language(Rng& rng, const TextStyle& style);
// Appends roughly `lines` lines of code in `language` (no fences).
void append_code(Rng& rng, const TextStyle& style, std::string_view language, int lines,
                 std::string& out);

}  // namespace afterglow::bench
