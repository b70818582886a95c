// The name a conversation's file starts from: its local date and the title a reader sees.
#pragma once

#include <string>

#include "afterglow/exporter/markdown.h"
#include "afterglow/viewer/html_conversation.h"

namespace afterglow::exporter {

inline std::string note_stem(const model::Conversation& conversation, viewer::Lang lang) {
  return conversation_date(conversation) + " " + viewer::conversation_title(conversation, lang);
}

}  // namespace afterglow::exporter
