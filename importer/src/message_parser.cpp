#include "message_parser.h"

#include <string>

#include "citations.h"
#include "dom_access.h"
#include "json_text.h"
#include "message_content.h"

namespace afterglow::importer {

using model::Message;
using model::MessageKind;

namespace {

bool is_image_generation_tool(std::string_view name) {
  return name == "dalle.text2im" || name == "t2uay3k.sj1i4kz" || starts_with(name, "dalle.") ||
         name.find("image_gen") != std::string_view::npos ||
         name.find("imagegen") != std::string_view::npos;
}

bool has_images(const Message& message) {
  for (const auto& attachment : message.attachments) {
    if (attachment.kind == model::AttachmentKind::image) return true;
  }
  return false;
}

// What the message is in the dialogue. Everything is stored; `hidden` only decides the default
// view (the rules of EXPORT-FORMAT.md section 5).
void classify(Message& message, std::optional<Json> metadata, const ContentFacts& facts) {
  const std::string& type = message.content_type;
  const bool user_system = metadata && bool_field(*metadata, "is_user_system_message");
  const bool to_tool = !message.recipient.empty() && message.recipient != "all";
  if (user_system || type == "user_editable_context") {
    message.kind = MessageKind::custom_instructions;
    message.hidden = true;
  } else if (type == "model_editable_context" || message.recipient == "bio" ||
             message.author_name == "bio") {
    message.kind = MessageKind::memory;
    message.hidden = true;
  } else if (type == "thoughts" || type == "reasoning_recap" || message.channel == "analysis") {
    message.kind = MessageKind::reasoning;
    message.hidden = true;
  } else if (message.role == "system") {
    message.kind = MessageKind::system;
    message.hidden = true;
  } else if (message.role == "assistant" && to_tool) {
    if (starts_with(message.recipient, "canmore.")) {
      // The document a canvas starts from is the answer people saw; later edits are details.
      message.kind = MessageKind::canvas;
      message.hidden = message.recipient != "canmore.create_textdoc";
    } else {
      message.kind = MessageKind::tool_call;
      message.hidden = true;
    }
  } else if (message.role == "tool") {
    if (starts_with(message.author_name, "canmore.")) {
      message.kind = MessageKind::canvas;
      message.hidden = true;
    } else if (has_images(message) &&
               (facts.generated_image || is_image_generation_tool(message.author_name))) {
      message.kind = MessageKind::image_generation;  // people want to see their images
    } else {
      message.kind = MessageKind::tool_result;
      // Code Interpreter charts are part of the answer people saw.
      message.hidden = !(type == "execution_output" && has_images(message));
    }
  }
  if (metadata && bool_field(*metadata, "is_visually_hidden_from_conversation")) {
    message.hidden = true;
  }
}

Message unreadable_message(std::string_view raw_json, const char* why) {
  Message message;
  message.raw_json = std::string(raw_json);
  message.unknown_content = true;
  message.text = message.raw_json;
  message.status = std::string("unreadable: ") + why;
  return message;
}

}  // namespace

Message MessageParser::parse(std::string_view raw_json) {
  Json root;
  auto error = parser_.parse(raw_json.data(), raw_json.size()).get(root);
  std::string repaired_text;
  if (error) {
    // Broken exports carry invalid UTF-8 and lone surrogates; repair a copy and try again.
    if (auto repaired = repair_json_text(raw_json)) {
      repaired_text = std::move(*repaired);
      error = parser_.parse(repaired_text).get(root);
    }
  }
  if (error) return unreadable_message(raw_json, simdjson::error_message(error));
  if (!root.is_object()) return unreadable_message(raw_json, "not a JSON object");

  Message message;
  message.raw_json = std::string(raw_json);
  if (auto author = field(root, "author")) {
    message.role = text_field(*author, "role");
    message.author_name = text_field(*author, "name");
  }
  message.recipient = text_field(root, "recipient");
  message.channel = text_field(root, "channel");
  message.status = text_field(root, "status");
  message.create_time = number_field(root, "create_time");
  message.update_time = number_field(root, "update_time");
  if (auto weight = number_field(root, "weight")) message.weight = *weight;
  message.end_turn = bool_field(root, "end_turn");
  std::optional<Json> metadata = field(root, "metadata");
  if (metadata && !metadata->is_object()) metadata.reset();
  if (metadata) message.model = text_field(*metadata, "model_slug");

  ContentFacts facts;
  if (auto content = field(root, "content"); content && content->is_object()) {
    message.content_type = text_field(*content, "content_type");
    facts = read_content(*content, message);
  }
  if (metadata) {
    read_metadata_attachments(*metadata, message);
    if (metadata && (bool_field(*metadata, "voice_mode_message") ||
                     bool_field(*metadata, "real_time_audio_has_video"))) {
      message.is_voice = true;
    }
  }
  if (!message.unknown_content && message.content_type != "code") {
    render_citations(message.text, metadata, message.citations);
  }
  classify(message, metadata, facts);
  return message;
}

}  // namespace afterglow::importer
