#include "aistudio_parser.h"

#include <simdjson.h>

#include "afterglow/text/title.h"
#include "conversation_parser.h"
#include "dom_access.h"
#include "json_text.h"
#include "short_hash.h"

namespace afterglow::importer {

using model::Conversation;
using model::Message;
using model::MessageKind;
using model::Node;

namespace {

// A chunk's text, or its parts' texts joined when the chunk has none of its own.
std::string text_of_chunk(Json chunk) {
  std::string text = text_field(chunk, "text");
  if (!text.empty()) return text;
  if (auto parts = array_field(chunk, "parts")) {
    for (Json part : *parts) text += text_field(part, "text");
  }
  return text;
}

bool thought(Json chunk) {
  if (bool_field(chunk, "isThought")) return true;
  auto parts = array_field(chunk, "parts");
  if (!parts || parts->size() == 0) return false;
  for (Json part : *parts) {
    if (!bool_field(part, "thought")) return false;
  }
  return true;
}

// Files the prompt holds from Drive are named by their Drive id only; the file has no bytes.
void add_attachments(Json chunk, Message& message) {
  for (const char* key : {"driveImage", "driveDocument", "driveVideo", "driveAudio"}) {
    auto drive = field(chunk, key);
    if (!drive) continue;
    model::Attachment attachment;
    attachment.kind = std::string_view(key) == "driveImage"   ? model::AttachmentKind::image
                      : std::string_view(key) == "driveVideo" ? model::AttachmentKind::video
                      : std::string_view(key) == "driveAudio" ? model::AttachmentKind::audio
                                                              : model::AttachmentKind::file;
    attachment.pointer = text_field(*drive, "id");
    if (attachment.pointer.empty()) continue;
    attachment.file_id = attachment.pointer;
    message.attachments.push_back(std::move(attachment));
  }
}

std::string system_text(Json instruction) {
  std::string text = text_field(instruction, "text");
  if (auto parts = array_field(instruction, "parts")) {
    for (Json part : *parts) text += text_field(part, "text");
  }
  return text;
}

}  // namespace

Conversation parse_aistudio(const std::string& text) {
  simdjson::dom::parser parser;
  Json root;
  std::string repaired_text;
  bool repaired = false;
  if (auto error = parse_repairing(parser, text, root, repaired_text, repaired)) {
    throw ConversationParseError(std::string("invalid JSON: ") + simdjson::error_message(error), {},
                                 {});
  }
  auto prompt = field(root, "chunkedPrompt");
  auto chunks = prompt ? array_field(*prompt, "chunks") : std::nullopt;
  if (!chunks) throw ConversationParseError("no \"chunkedPrompt.chunks\" array", {}, {});

  Conversation c;
  c.source = "gemini";
  std::string model;
  if (auto settings = field(root, "runSettings")) {
    model = text_field(*settings, "model");
    if (starts_with(model, "models/")) model = model.substr(7);
  }
  c.model = model;
  std::string meta = "{";
  for (const char* key : {"runSettings", "systemInstruction"}) {
    if (auto value = field(root, key)) {
      if (meta.size() > 1) meta += ",";
      meta += json_quote(key) + ":" + json_text(*value);
    }
  }
  c.meta_json = meta + "}";
  c.raw_json = text;

  std::string first_user;
  for (Json chunk : *chunks) {
    if (text_field(chunk, "role") == "user") {
      first_user = text_of_chunk(chunk);
      break;
    }
  }
  // The file carries no id: the prompt is known by where it starts, so that a file saved again
  // after more turns is the same conversation.
  c.id = "aistudio-" + short_hash(first_user.empty() ? text : first_user);
  c.title = text::display_title({}, first_user);

  const std::string root_id = c.id + ":root";
  c.nodes.push_back(Node{root_id, {}, {}, std::nullopt});
  std::string parent = root_id;
  auto add = [&](std::string id, Message message) {
    c.nodes.back().children.push_back(id);
    c.nodes.push_back(Node{id, parent, {}, std::move(message)});
    parent = std::move(id);
  };
  if (auto instruction = field(root, "systemInstruction")) {
    if (std::string system = system_text(*instruction); !system.empty()) {
      Message message;
      message.role = "system";
      message.recipient = "all";
      message.content_type = "system_instruction";
      message.status = "finished_successfully";
      message.text = std::move(system);
      message.kind = MessageKind::system;
      message.hidden = true;
      message.raw_json = json_text(*instruction);
      add(c.id + ":system", std::move(message));
    }
  }
  size_t index = 0;
  for (Json chunk : *chunks) {
    const std::string id = c.id + ":" + std::to_string(index++);
    if (!chunk.is_object()) continue;
    Message message;
    const std::string role = text_field(chunk, "role");
    message.role = role == "user" ? "user" : "assistant";
    message.recipient = "all";
    message.content_type = "text";
    message.status = "finished_successfully";
    message.text = text_of_chunk(chunk);
    add_attachments(chunk, message);
    message.raw_json = json_text(chunk);
    if (message.role == "assistant") {
      message.model = model;
      if (thought(chunk)) {
        message.content_type = "thoughts";
        message.kind = MessageKind::reasoning;
        message.hidden = true;
      } else {
        message.end_turn = true;
      }
    }
    if (message.text.empty() && message.attachments.empty()) continue;
    add(id, std::move(message));
  }
  c.current_node = parent;
  return c;
}

}  // namespace afterglow::importer
