// A thumbs up or down the person gave an answer (ChatGPT's message_feedback.json), kept linked
// to the message it judged by the export's ids, so it survives re-imports in any order.
#pragma once

#include <string>

#include "afterglow/model/conversation.h"

namespace afterglow::model {

struct MessageFeedback {
  std::string source = "chatgpt";
  std::string id;               // the feedback's own id in the export
  std::string conversation_id;  // the conversation's export id
  std::string message_id;       // the node id of the answer judged
  std::string rating;           // "up" or "down"; other values kept as exported
  std::string text;             // what the person wrote with it, when anything
  Timestamp time;
  std::string raw_json;  // the entry as exported
};

}  // namespace afterglow::model
