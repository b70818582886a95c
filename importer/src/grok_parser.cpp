#include "grok_parser.h"

#include <set>
#include <unordered_map>

#include "conversation_parser.h"
#include "dom_access.h"
#include "iso_time.h"
#include "json_text.h"

namespace afterglow::importer {

using model::Conversation;
using model::Message;
using model::MessageKind;
using model::Node;

namespace {

// The node every first turn hangs from, so that two first prompts (an edit) are versions of
// each other as in ChatGPT's trees.
constexpr const char* kRootSuffix = ":root";
constexpr const char* kThinkingSuffix = ":thinking";

// Grok writes times as ISO strings; a number is taken as epoch seconds.
model::Timestamp time_field(Json object, std::string_view key) {
  auto value = field(object, key);
  if (!value) return std::nullopt;
  std::string_view text;
  if (!value->get(text)) return parse_iso_time(text);
  return number_of(*value);
}

std::string role_of(std::string_view sender) {
  const std::string lower = to_lower_ascii(sender);
  if (lower == "human" || lower == "user") return "user";
  if (lower == "system") return "system";
  return "assistant";  // "ASSISTANT", "assistant", "grok"
}

std::string model_of(Json response) {
  auto metadata = field(response, "metadata");
  if (!metadata) return {};
  if (auto details = field(*metadata, "requestModelDetails")) {
    if (auto id = text_field(*details, "modelId"); !id.empty()) return id;
  }
  return text_field(*metadata, "model");
}

void add_citations(Json response, std::string_view key, Message& message) {
  auto results = array_field(response, key);
  if (!results) return;
  std::set<std::string> seen;
  for (const auto& c : message.citations) seen.insert(c.url);
  for (Json result : *results) {
    model::Citation citation;
    citation.url = text_field(result, "url");
    if (citation.url.empty() || !seen.insert(citation.url).second) continue;
    citation.title = text_field(result, "title");
    citation.snippet = text_field(result, "preview");
    if (citation.snippet.empty()) citation.snippet = text_field(result, "description");
    citation.number = static_cast<int>(message.citations.size()) + 1;
    message.citations.push_back(std::move(citation));
  }
}

// Attachments are ids or URLs (strings) or objects naming one; the export carries no bytes for
// them, so they stay unavailable unless a file of that id is found beside the JSON.
void add_attachments(Json response, std::string_view key, model::AttachmentKind kind,
                     Message& message) {
  auto items = array_field(response, key);
  if (!items) return;
  for (Json item : *items) {
    model::Attachment attachment;
    attachment.kind = kind;
    std::string_view text;
    if (!item.get(text)) {
      attachment.pointer = std::string(text);
    } else {
      for (const char* id_key : {"fileMetadataId", "file_id", "id", "url"}) {
        attachment.pointer = text_field(item, id_key);
        if (!attachment.pointer.empty()) break;
      }
      attachment.name = text_field(item, "fileName");
      if (attachment.name.empty()) attachment.name = text_field(item, "file_name");
      attachment.mime = text_field(item, "fileMimeType");
      if (attachment.mime.empty()) attachment.mime = text_field(item, "mime_type");
    }
    if (attachment.pointer.empty()) continue;
    attachment.file_id = attachment.pointer;
    message.attachments.push_back(std::move(attachment));
  }
}

struct Turn {
  Json response;
  std::string id;
  std::string parent;  // as exported; may name nothing
  model::Timestamp time;
  size_t order = 0;
};

Message message_of(const Turn& turn) {
  Message message;
  message.role = role_of(text_field(turn.response, "sender"));
  message.recipient = "all";
  message.content_type = "text";
  message.status = field(turn.response, "error") && !text_field(turn.response, "error").empty()
                       ? "error"
                       : "finished_successfully";
  message.create_time = turn.time;
  message.text = text_field(turn.response, "message");
  message.model = message.role == "assistant" ? model_of(turn.response) : std::string();
  message.end_turn = message.role == "assistant";
  add_citations(turn.response, "cited_web_search_results", message);
  add_citations(turn.response, "web_search_results", message);
  add_attachments(turn.response, "generated_image_urls", model::AttachmentKind::image, message);
  add_attachments(turn.response, "image_attachments", model::AttachmentKind::image, message);
  add_attachments(turn.response, "file_attachments", model::AttachmentKind::file, message);
  if (message.role == "system") {
    message.kind = MessageKind::system;
    message.hidden = true;
  }
  message.raw_json = json_text(turn.response);
  return message;
}

std::optional<Message> thinking_of(const Turn& turn) {
  std::string trace = text_field(turn.response, "thinking_trace");
  if (trace.empty()) return std::nullopt;
  Message message;
  message.role = "assistant";
  message.recipient = "all";
  message.content_type = "thinking_trace";
  message.status = "finished_successfully";
  message.create_time = time_field(turn.response, "thinking_start_time");
  if (!message.create_time) message.create_time = turn.time;
  message.update_time = time_field(turn.response, "thinking_end_time");
  message.text = std::move(trace);
  message.kind = MessageKind::reasoning;
  message.hidden = true;
  message.raw_json = "{\"thinking_trace\":" + json_quote(message.text) + "}";
  return message;
}

struct Failure {
  std::string reason;
};

Conversation build(const std::string& element, Json root) {
  if (!root.is_object()) throw Failure{"not a JSON object"};
  Conversation conversation;
  conversation.source = "grok";
  auto head = field(root, "conversation");
  if (!head || !head->is_object()) throw Failure{"no \"conversation\" object"};
  conversation.id = text_field(*head, "conversation_id");
  if (conversation.id.empty()) conversation.id = text_field(*head, "id");
  conversation.title = text_field(*head, "title");
  if (conversation.id.empty()) throw Failure{"no conversation id"};
  conversation.create_time = time_field(*head, "create_time");
  conversation.update_time = time_field(*head, "modify_time");
  conversation.is_starred = bool_field(*head, "starred");
  conversation.meta_json = json_text(*head);
  conversation.raw_json = element;

  std::vector<Turn> turns;
  if (auto responses = array_field(root, "responses")) {
    for (Json item : *responses) {
      Json response = item;
      if (auto inner = field(item, "response"); inner && inner->is_object()) response = *inner;
      if (!response.is_object()) continue;
      Turn turn;
      turn.response = response;
      turn.id = text_field(response, "response_id");
      if (turn.id.empty()) continue;
      turn.parent = text_field(response, "parent_response_id");
      turn.time = time_field(response, "create_time");
      turn.order = turns.size();
      turns.push_back(std::move(turn));
    }
  } else if (field(root, "responses")) {
    throw Failure{"\"responses\" is not an array"};
  }
  std::set<std::string> known;
  // Grok records the model on the request (the person's turn), not on the answer.
  std::unordered_map<std::string, std::string> requested_model;
  bool linked = false;
  for (const auto& turn : turns) {
    known.insert(turn.id);
    linked = linked || !turn.parent.empty();
    requested_model[turn.id] = model_of(turn.response);
  }
  const std::string root_id = conversation.id + kRootSuffix;
  conversation.nodes.push_back(Node{root_id, {}, {}, std::nullopt});
  std::unordered_map<std::string, size_t> index;
  index[root_id] = 0;
  auto add_node = [&](Node node) {
    index[node.id] = conversation.nodes.size();
    conversation.nodes.push_back(std::move(node));
  };
  std::string previous = root_id;
  std::string newest;
  model::Timestamp newest_time;
  for (const auto& turn : turns) {
    // Without any parent links (older exports) the array order is the thread.
    std::string parent = linked ? (known.count(turn.parent) ? turn.parent : root_id) : previous;
    if (auto thinking = thinking_of(turn)) {
      Node node{turn.id + kThinkingSuffix, parent, {}, std::move(*thinking)};
      parent = node.id;
      add_node(std::move(node));
    }
    Message message = message_of(turn);
    if (message.role == "assistant" && message.model.empty()) {
      const auto asked = requested_model.find(linked ? turn.parent : previous);
      if (asked != requested_model.end()) message.model = asked->second;
    }
    add_node(Node{turn.id, parent, {}, std::move(message)});
    previous = turn.id;
    if (!newest_time || (turn.time && *turn.time >= *newest_time)) {
      newest = turn.id;
      newest_time = turn.time;
    }
  }
  for (size_t i = 1; i < conversation.nodes.size(); ++i) {
    auto parent = index.find(conversation.nodes[i].parent);
    if (parent != index.end()) {
      conversation.nodes[parent->second].children.push_back(conversation.nodes[i].id);
    }
  }
  const std::string leaf = text_field(*head, "leaf_response_id");
  conversation.current_node = known.count(leaf) ? leaf : newest;
  for (auto it = conversation.nodes.rbegin(); it != conversation.nodes.rend(); ++it) {
    if (it->message && it->message->role == "assistant" && !it->message->model.empty()) {
      conversation.model = it->message->model;
      break;
    }
  }
  return conversation;
}

}  // namespace

Conversation GrokParser::parse(const std::string& element) {
  Json root;
  std::string repaired;
  if (auto error = parse_repairing(parser_, element, root, repaired, repaired_)) {
    throw ConversationParseError(std::string("invalid JSON: ") + simdjson::error_message(error), {},
                                 {});
  }
  try {
    return build(element, root);
  } catch (const Failure& failure) {
    std::string id, title;
    if (auto head = field(root, "conversation")) {
      id = text_field(*head, "conversation_id");
      title = text_field(*head, "title");
    }
    throw ConversationParseError(failure.reason, id, title);
  }
}

}  // namespace afterglow::importer
