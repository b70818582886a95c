// What both engines derive from a message: its key, its filter values and whether it is shown by
// default. Kept in one place so the two engines cannot disagree.
#pragma once

#include <string>
#include <vector>

#include "afterglow/indexer/index.h"

namespace afterglow::indexer {

// The key of a message in both engines: "<source>/<account>/<conversation>/<node>". The same
// conversation id held by two accounts is two copies, each with documents of its own.
std::string message_key(const Document& document);
// The key of a conversation copy: "<source>/<account>/<conversation>", the collapse key.
std::string conversation_key(const Document& document);

// Shown by default: on the displayed thread, not hidden, not reasoning.
bool visible_by_default(const Document& document);
// What Hit::hidden reports: hidden messages and reasoning.
bool hidden_for_search(const Document& document);
// The has: values that apply ("image", "audio", "code", "branch").
std::vector<std::string> has_values(const Document& document);
// Keyword field values are matched lower-cased.
std::string lower_ascii(std::string_view text);

}  // namespace afterglow::indexer
