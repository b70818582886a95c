// One element of a Grok export's "conversations" array ({"conversation": {…}, "responses":
// [{"response": {…}}, …]}) -> model::Conversation with source "grok". The tree comes from
// parent_response_id; a response's thinking_trace becomes a hidden reasoning node before it.
#pragma once

#include <simdjson.h>

#include <string>

#include "afterglow/model/conversation.h"

namespace afterglow::importer {

class GrokParser {
 public:
  // Throws ConversationParseError (conversation_parser.h); the caller keeps the element raw.
  model::Conversation parse(const std::string& element);
  // Whether the last parse() had to replace invalid UTF-8 or lone surrogates (with U+FFFD).
  bool repaired() const { return repaired_; }

 private:
  simdjson::dom::parser parser_;
  bool repaired_ = false;
};

}  // namespace afterglow::importer
