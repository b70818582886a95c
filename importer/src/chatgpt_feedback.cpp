#include "chatgpt_feedback.h"

#include <simdjson.h>

#include "dom_access.h"
#include "iso_time.h"
#include "json_text.h"

namespace afterglow::importer {

namespace {

std::string rating_of(std::string_view exported) {
  const std::string lower = to_lower_ascii(exported);
  if (lower == "thumbsup" || lower == "thumbs_up" || lower == "up" || lower == "positive") {
    return "up";
  }
  if (lower == "thumbsdown" || lower == "thumbs_down" || lower == "down" || lower == "negative") {
    return "down";
  }
  return std::string(exported);
}

// `content` is a JSON string holding an object ({"text": …, "tags": […]}), or that object.
std::string text_of_content(simdjson::dom::parser& parser, Json entry) {
  auto content = field(entry, "content");
  if (!content) return {};
  if (content->is_object()) return text_field(*content, "text");
  std::string_view inner;
  if (content->get(inner)) return {};
  Json parsed;
  if (parser.parse(inner.data(), inner.size()).get(parsed)) return std::string(inner);
  return text_field(parsed, "text");
}

model::Timestamp time_of(Json entry) {
  auto value = field(entry, "create_time");
  if (!value) return std::nullopt;
  std::string_view text;
  if (!value->get(text)) {
    if (auto iso = parse_iso_time(text)) return iso;
  }
  return number_of(*value);
}

}  // namespace

std::optional<std::vector<model::MessageFeedback>> parse_message_feedback(std::string_view json) {
  simdjson::dom::parser parser;
  Json root;
  if (parser.parse(json.data(), json.size()).get(root) || !root.is_array()) return std::nullopt;
  simdjson::dom::parser content_parser;
  std::vector<model::MessageFeedback> result;
  for (Json entry : root.get_array()) {
    if (!entry.is_object()) continue;
    model::MessageFeedback feedback;
    feedback.id = text_field(entry, "id");
    feedback.conversation_id = text_field(entry, "conversation_id");
    // Older files name the message only by the feedback's own id, which is the message's.
    feedback.message_id = text_field(entry, "message_id");
    if (feedback.message_id.empty()) feedback.message_id = feedback.id;
    if (feedback.conversation_id.empty() || feedback.message_id.empty()) continue;
    feedback.rating = rating_of(text_field(entry, "rating"));
    feedback.text = text_of_content(content_parser, entry);
    feedback.time = time_of(entry);
    feedback.raw_json = json_text(entry);
    result.push_back(std::move(feedback));
  }
  return result;
}

}  // namespace afterglow::importer
