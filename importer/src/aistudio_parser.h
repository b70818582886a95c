// A Google AI Studio prompt file (saved to Drive): {"runSettings": {"model": …},
// "systemInstruction": {…}, "chunkedPrompt": {"chunks": [{"role": "user" | "model", "text",
// "isThought", "parts": […]}, …]}} -> one conversation with source "gemini". Thought chunks are
// hidden reasoning; the system instruction is a hidden system message.
#pragma once

#include <string>

#include "afterglow/model/conversation.h"

namespace afterglow::importer {

// Throws ConversationParseError (conversation_parser.h) for a file that is not such a prompt.
model::Conversation parse_aistudio(const std::string& text);

}  // namespace afterglow::importer
