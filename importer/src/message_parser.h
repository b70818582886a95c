// One ChatGPT message object -> model::Message: its text per content type, its attachments,
// its citations, and its kind (what it is in the dialogue, and whether it is hidden by default).
#pragma once

#include <simdjson.h>

#include <string_view>

#include "afterglow/model/conversation.h"

namespace afterglow::importer {

class MessageParser {
 public:
  // Never fails: a message that cannot be read is kept with unknown_content and its raw JSON.
  model::Message parse(std::string_view raw_json);

 private:
  simdjson::dom::parser parser_;
};

}  // namespace afterglow::importer
