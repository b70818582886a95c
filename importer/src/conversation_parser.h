// One element of a conversations array -> model::Conversation. The element is walked with
// simdjson on-demand so every field's exact bytes can be kept (meta_json, message raw_json).
#pragma once

#include <simdjson.h>

#include <stdexcept>
#include <string>

#include "afterglow/model/conversation.h"
#include "message_parser.h"

namespace afterglow::importer {

// The element is not a conversation (not an object, invalid JSON, no id). Carries what could be
// read, for the broken-conversation report.
class ConversationParseError : public std::runtime_error {
 public:
  ConversationParseError(const std::string& reason, std::string id, std::string title)
      : std::runtime_error(reason), id(std::move(id)), title(std::move(title)) {}
  std::string id;
  std::string title;
};

class ConversationParser {
 public:
  // Throws ConversationParseError; the caller keeps the element raw.
  model::Conversation parse(const std::string& element);
  // Whether the last parse() had to replace invalid UTF-8 or lone surrogates (with U+FFFD).
  bool repaired() const { return repaired_; }
  // How many times the last parse() found outside the representable span and kept as unknown.
  int64_t dropped_times() const { return dropped_times_; }

 private:
  model::Conversation parse_document(const std::string& element, const std::string& json);

  simdjson::ondemand::parser parser_;
  MessageParser messages_;
  bool repaired_ = false;
  int64_t dropped_times_ = 0;
};

}  // namespace afterglow::importer
