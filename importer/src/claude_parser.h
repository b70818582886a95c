// One element of a Claude.ai conversations.json ({uuid, name, created_at, chat_messages: [{uuid,
// sender, text, content: [blocks], attachments, files, parent_message_uuid}]}) ->
// model::Conversation with source "claude".
//
// A message becomes a short chain of nodes, one per part, in the order of its content blocks,
// the way ChatGPT writes them as separate messages: thinking (hidden reasoning, its signature kept
// in raw_json), tool calls and their results (hidden, except the artifacts people saw), the text
// of an attached file (shown, before the person's words), and the text itself. The last node of
// the chain carries the message's uuid and its whole JSON, so that parent_message_uuid links and
// current_leaf_message_uuid name it. The tree comes from parent_message_uuid when the export has
// it, from the array order otherwise. Claude exports name no model: none is recorded.
#pragma once

#include <simdjson.h>

#include <string>

#include "afterglow/model/conversation.h"

namespace afterglow::importer {

class ClaudeParser {
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
