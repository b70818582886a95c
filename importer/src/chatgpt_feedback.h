// ChatGPT's message_feedback.json: the thumbs up and down given to answers, one entry each
// ({id, conversation_id, message_id?, rating "thumbsUp"/"thumbsDown", content: a JSON string
// with the person's text and tags, create_time}).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "afterglow/model/message_feedback.h"

namespace afterglow::importer {

// Nullopt when the file is not a JSON array; entries without a conversation or message id are
// left out (they judge nothing the archive could show).
std::optional<std::vector<model::MessageFeedback>> parse_message_feedback(std::string_view json);

}  // namespace afterglow::importer
