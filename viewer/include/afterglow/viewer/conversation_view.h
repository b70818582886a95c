// How a stored conversation reads in the terminal and as JSON (`afterglow show`).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "afterglow/store/archive.h"

namespace afterglow::viewer {

struct ShowOptions {
  bool all = false;    // hidden, tool and reasoning messages, and the alternate branches
  bool color = false;  // ANSI colours (stdout is a terminal)
};

void render_conversation_text(std::ostream& out, const store::StoredConversation& stored,
                              const ShowOptions& options);

// {id, title, create_time, model, messages:[{id, role, create_time, model, content_type, text,
//  attachments:[...], versions:{ids, position}}]}; with `all`, hidden messages too and `branches`.
nlohmann::json conversation_json(const store::StoredConversation& stored,
                                 const ShowOptions& options);

}  // namespace afterglow::viewer
