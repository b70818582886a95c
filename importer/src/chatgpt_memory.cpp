#include "chatgpt_memory.h"

#include <simdjson.h>

#include "dom_access.h"
#include "json_text.h"

namespace afterglow::importer {

using model::MessageKind;

namespace {

// Older custom instructions: metadata.user_context_message_data {about_user_message,
// about_model_message}; the message's own text is empty or a template then.
std::string old_instructions(simdjson::dom::parser& parser, const std::string& raw_json) {
  Json root;
  if (parser.parse(raw_json).get(root)) return {};
  auto metadata = field(root, "metadata");
  if (!metadata) return {};
  auto data = field(*metadata, "user_context_message_data");
  if (!data) return {};
  std::string text = text_field(*data, "about_user_message");
  const std::string about_model = text_field(*data, "about_model_message");
  if (!text.empty() && !about_model.empty()) text += "\n\n";
  return text + about_model;
}

// The bio tool's acknowledgement ("Model set context updated.") records nothing new.
bool is_bio_write(const model::Message& message) {
  return message.role == "assistant" &&
         (message.recipient == "bio" || starts_with(message.recipient, "bio."));
}

}  // namespace

std::vector<model::MemoryRecord> chatgpt_memory_records(const model::Conversation& conversation) {
  std::vector<model::MemoryRecord> records;
  simdjson::dom::parser parser;
  for (const auto& node : conversation.nodes) {
    if (!node.message) continue;
    const model::Message& message = *node.message;
    model::MemoryRecord record;
    record.source = conversation.source;
    record.conversation_id = conversation.id;
    record.node_id = node.id;
    record.time = message.create_time;
    if (message.kind == MessageKind::custom_instructions) {
      record.kind = "custom_instructions";
      record.text = old_instructions(parser, message.raw_json);
      if (record.text.empty()) record.text = message.text;
      if (!record.time) record.time = conversation.create_time;
    } else if (message.kind == MessageKind::memory &&
               message.content_type == "model_editable_context") {
      record.kind = "memory_snapshot";
      record.text = message.text;
      if (!record.time) record.time = conversation.create_time;
    } else if (message.kind == MessageKind::memory && is_bio_write(message)) {
      record.kind = "memory_write";
      record.text = message.text;
    } else {
      continue;
    }
    if (trim_whitespace(record.text).empty()) continue;
    record.raw_json = message.raw_json;
    records.push_back(std::move(record));
  }
  return records;
}

std::optional<model::Project> chatgpt_project(const model::Conversation& conversation) {
  if (conversation.gizmo_id.empty()) return std::nullopt;
  model::Project project;
  project.source = conversation.source;
  project.id = conversation.gizmo_id;
  project.kind = model::gizmo_kind(project.id);
  // Some exports name the GPT or project beside its id; most do not, and then it stays unnamed.
  simdjson::dom::parser parser;
  Json meta;
  if (!conversation.meta_json.empty() && !parser.parse(conversation.meta_json).get(meta)) {
    for (const char* key : {"gizmo_name", "project_name", "gizmo_title"}) {
      project.name = text_field(meta, key);
      if (!project.name.empty()) break;
    }
    if (auto gizmo = field(meta, "gizmo"); gizmo && project.name.empty()) {
      project.name = text_field(*gizmo, "name");
      if (auto display = field(*gizmo, "display"); display && project.name.empty()) {
        project.name = text_field(*display, "name");
      }
      project.description = text_field(*gizmo, "description");
      project.raw_json = json_text(*gizmo);
    }
  }
  return project;
}

}  // namespace afterglow::importer
