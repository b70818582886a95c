// Recognises xAI's Grok export by its structure: a JSON object whose "conversations" array holds
// objects with a "conversation" and its "responses". A file name alone never decides.
#pragma once

#include <string_view>

namespace afterglow::importer {

// `head` is the start of a JSON file (a few kilobytes suffice). True when it opens as
// {"conversations": [{"conversation": …} or [{"responses": …}.
bool looks_like_grok(std::string_view head);

}  // namespace afterglow::importer
