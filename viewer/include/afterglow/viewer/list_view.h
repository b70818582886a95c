// One line per conversation (`afterglow list`), and the same as JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

#include "afterglow/store/archive.h"

namespace afterglow::viewer {

// The title to show: the conversation's own, else its first user message, else "(untitled)".
std::string display_title(const store::ConversationSummary& summary);

void render_list_text(std::ostream& out, const std::vector<store::ConversationSummary>& list,
                      bool color);
nlohmann::json list_json(const std::vector<store::ConversationSummary>& list);

}  // namespace afterglow::viewer
