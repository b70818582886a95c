// The content of a message, per content_type: what text it shows and which files it points at.
#pragma once

#include <optional>

#include "afterglow/model/conversation.h"
#include "dom_access.h"

namespace afterglow::importer {

struct ContentFacts {
  bool generated_image = false;  // an image part carrying dalle/generation metadata
};

// Fills message.text, language, attachments, is_voice, unknown_content from `content`.
ContentFacts read_content(Json content, model::Message& message);

// Adds the attachments the metadata knows (uploads, Code Interpreter images), merging them by id
// with those the content pointed at.
void read_metadata_attachments(Json metadata, model::Message& message);

// "file-service://file-abc" -> "file-abc"; "sediment://file_0a" -> "file_0a".
std::string pointer_file_id(std::string_view pointer);

}  // namespace afterglow::importer
