#include "claude_parser.h"

#include <set>
#include <unordered_map>
#include <vector>

#include "conversation_parser.h"
#include "dom_access.h"
#include "iso_time.h"
#include "json_text.h"
#include "mime.h"

namespace afterglow::importer {

using model::Conversation;
using model::Message;
using model::MessageKind;
using model::Node;

namespace {

// The node every first message hangs from, so that two first prompts (an edit) are versions of
// each other as in ChatGPT's trees.
constexpr const char* kRootSuffix = ":root";
// What Claude writes as the parent of a first message.
constexpr std::string_view kNoParent = "00000000-0000-4000-8000-000000000000";

struct Failure {
  std::string reason;
};

// ISO strings in most exports; epoch seconds in some newer ones.
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
  return "assistant";
}

// A part of a message before it becomes a node.
struct Part {
  Message message;
  bool text = false;  // ordinary text, which the next text block continues
};

Message base_message(const std::string& role, model::Timestamp time) {
  Message message;
  message.role = role;
  message.recipient = "all";
  message.status = "finished_successfully";
  message.create_time = time;
  return message;
}

// The language of code from an artifact's MIME type or a file's extension.
std::string language_of(std::string_view type, std::string_view language, std::string_view path) {
  if (!language.empty()) return std::string(language);
  if (type == "application/vnd.ant.react") return "jsx";
  if (type == "text/html") return "html";
  if (type == "image/svg+xml") return "svg";
  if (type == "application/vnd.ant.mermaid") return "mermaid";
  const size_t dot = path.find_last_of('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return {};
  const std::string extension = to_lower_ascii(path.substr(dot + 1));
  if (extension == "md" || extension == "markdown" || extension == "txt") return {};
  if (extension == "py") return "python";
  if (extension == "js") return "javascript";
  if (extension == "ts") return "typescript";
  if (extension == "sh") return "bash";
  return extension;
}

// Each source once per message, numbered in the order first cited.
void add_citation(Message& message, std::string url, std::string title, std::string snippet) {
  if (url.empty()) return;
  for (const auto& known : message.citations) {
    if (known.url == url) return;
  }
  model::Citation citation;
  citation.url = std::move(url);
  citation.title = std::move(title);
  citation.snippet = std::move(snippet);
  citation.number = static_cast<int>(message.citations.size()) + 1;
  message.citations.push_back(std::move(citation));
}

// [{uuid, start_index, end_index, details: {type: "web_search_citation", url}}] and the older
// flat {url, title}.
void add_text_citations(Json block, Message& message) {
  auto citations = array_field(block, "citations");
  if (!citations) return;
  for (Json citation : *citations) {
    Json where = citation;
    if (auto details = field(citation, "details"); details && details->is_object()) {
      where = *details;
    }
    std::string url = text_field(where, "url");
    if (url.empty()) url = text_field(citation, "url");
    std::string title = text_field(where, "title");
    if (title.empty()) title = text_field(citation, "title");
    add_citation(message, std::move(url), std::move(title), {});
  }
}

// A tool's input as people read it: an artifact's or a file's content as the document it is,
// anything else as its JSON.
void describe_tool_use(Json block, Message& message) {
  const std::string name = text_field(block, "name");
  message.recipient = name.empty() ? "tool" : name;
  message.content_type = "tool_use";
  message.kind = MessageKind::tool_call;
  message.hidden = true;
  auto input = field(block, "input");
  if (!input) return;
  const std::string command = text_field(*input, "command");
  const std::string content = text_field(*input, "content");
  const std::string file_text = text_field(*input, "file_text");
  if (name == "artifacts" && !content.empty()) {
    // The old artifacts tool: "create" and "rewrite" carry a whole version of the document.
    message.kind = MessageKind::canvas;
    message.hidden = command != "create" && command != "rewrite";
    message.author_name = text_field(*input, "title");
    message.text = content;
    message.language = language_of(text_field(*input, "type"), text_field(*input, "language"),
                                   text_field(*input, "id"));
    if (text_field(*input, "type") == "text/markdown") message.language.clear();
    return;
  }
  if (name == "create_file" && !file_text.empty()) {
    message.kind = MessageKind::canvas;
    message.hidden = false;
    message.author_name = text_field(*input, "path");
    message.text = file_text;
    message.language = language_of({}, {}, message.author_name);
    return;
  }
  if (starts_with(name, "artifacts") || name == "str_replace") message.kind = MessageKind::canvas;
  message.text = json_text(*input);
  message.language = "json";
}

// The text a tool gave back: its text items, and the title and address of what it found.
void describe_tool_result(Json block, Message& message) {
  message.kind = MessageKind::tool_result;
  message.hidden = true;
  message.content_type = "tool_result";
  if (bool_field(block, "is_error")) message.status = "error";
  auto content = field(block, "content");
  if (!content) return;
  std::string_view plain;
  if (!content->get(plain)) {
    message.text = std::string(plain);
    return;
  }
  auto items = array_field(block, "content");
  if (!items) return;
  std::string text;
  for (Json item : *items) {
    const std::string type = text_field(item, "type");
    std::string piece;
    if (type == "text") {
      piece = text_field(item, "text");
    } else if (type == "knowledge") {
      const std::string title = text_field(item, "title");
      const std::string url = text_field(item, "url");
      piece = title + (url.empty() ? "" : (title.empty() ? "" : "\n") + url);
      add_citation(message, url, title, text_field(item, "text"));
    }
    if (piece.empty()) continue;
    if (!text.empty()) text += "\n\n";
    text += piece;
  }
  message.text = std::move(text);
}

// The references the export keeps instead of a file's bytes: never an error, unavailable.
void add_file_references(Json message_json, Message& message) {
  std::set<std::string> seen;
  for (const char* key : {"files", "files_v2"}) {
    auto files = array_field(message_json, key);
    if (!files) continue;
    for (Json file : *files) {
      model::Attachment attachment;
      attachment.name = text_field(file, "file_name");
      attachment.pointer = text_field(file, "file_uuid");
      if (attachment.pointer.empty()) attachment.pointer = text_field(file, "uuid");
      if (attachment.pointer.empty()) attachment.pointer = attachment.name;
      if (attachment.pointer.empty() || !seen.insert(attachment.pointer).second) continue;
      attachment.file_id = attachment.pointer;
      attachment.mime = mime_from_name(attachment.name);
      const std::string kind = text_field(file, "file_kind");
      attachment.kind = kind == "image" || starts_with(attachment.mime, "image/")
                            ? model::AttachmentKind::image
                            : model::AttachmentKind::file;
      message.attachments.push_back(std::move(attachment));
    }
  }
}

struct Turn {
  Json json;
  std::string id;
  std::string parent;  // as exported; may name nothing
};

// The parts of one message, in the order people saw them.
std::vector<Part> parts_of(const Turn& turn,
                           std::unordered_map<std::string, std::string>& tool_names) {
  const std::string role = role_of(text_field(turn.json, "sender"));
  const model::Timestamp time = time_field(turn.json, "created_at");
  std::vector<Part> parts;

  // A file's text, as the export extracted it, comes before the words that speak of it.
  Message unavailable = base_message(role, time);
  if (auto attachments = array_field(turn.json, "attachments")) {
    for (Json attachment : *attachments) {
      const std::string name = text_field(attachment, "file_name");
      std::string extracted = text_field(attachment, "extracted_content");
      if (extracted.empty()) {
        model::Attachment reference;
        reference.name = name;
        reference.pointer = name;
        reference.file_id = name;
        reference.mime = text_field(attachment, "file_type");
        if (reference.mime.empty()) reference.mime = mime_from_name(name);
        if (auto size = number_field(attachment, "file_size")) {
          reference.size = static_cast<int64_t>(*size);
        }
        if (!reference.pointer.empty()) unavailable.attachments.push_back(std::move(reference));
        continue;
      }
      Part part{base_message(role, time), false};
      part.message.content_type = "attachment";
      part.message.author_name = name;
      part.message.text = std::move(extracted);
      part.message.raw_json = json_text(attachment);
      parts.push_back(std::move(part));
    }
  }

  auto text_part = [&]() -> Message& {
    if (parts.empty() || !parts.back().text) {
      Part part{base_message(role, time), true};
      part.message.content_type = "text";
      parts.push_back(std::move(part));
    }
    return parts.back().message;
  };

  auto content = array_field(turn.json, "content");
  if (content) {
    for (Json block : *content) {
      const std::string type = text_field(block, "type");
      const model::Timestamp start = time_field(block, "start_timestamp");
      if (type == "text") {
        Message& message = text_part();
        message.text += text_field(block, "text");
        add_text_citations(block, message);
        continue;
      }
      if (type == "token_budget") continue;  // carries nothing to read; kept in raw_json
      Part part{base_message(role, start ? start : time), false};
      part.message.content_type = type;
      part.message.raw_json = json_text(block);
      if (type == "thinking" || type == "redacted_thinking") {
        part.message.kind = MessageKind::reasoning;
        part.message.hidden = true;
        part.message.text = text_field(block, "thinking");
        if (part.message.text.empty()) {
          if (auto summaries = array_field(block, "summaries")) {
            for (Json summary : *summaries) {
              if (!part.message.text.empty()) part.message.text += "\n";
              part.message.text += text_field(summary, "summary");
            }
          }
        }
        part.message.update_time = time_field(block, "stop_timestamp");
      } else if (type == "tool_use") {
        describe_tool_use(block, part.message);
        tool_names[text_field(block, "id")] = text_field(block, "name");
      } else if (type == "tool_result") {
        part.message.role = "tool";
        part.message.author_name = text_field(block, "name");
        if (part.message.author_name.empty()) {
          auto name = tool_names.find(text_field(block, "tool_use_id"));
          if (name != tool_names.end()) part.message.author_name = name->second;
        }
        describe_tool_result(block, part.message);
      } else {
        // A block afterglow does not know (injected_prompt_block, …): kept, shown with --all.
        part.message.hidden = true;
        part.message.unknown_content = true;
        part.message.text = part.message.raw_json;
      }
      parts.push_back(std::move(part));
    }
  }
  // Older exports have only the flattened "text"; newer ones leave it empty beside "content".
  const std::string flat = text_field(turn.json, "text");
  bool has_text = false;
  for (const auto& part : parts) has_text = has_text || (part.text && !part.message.text.empty());
  if (!has_text && !flat.empty()) {
    Message& message = text_part();
    message.text = flat;
  }
  if (parts.empty() || !parts.back().text) text_part();  // the message itself, even when empty
  Message& last = parts.back().message;
  for (auto& reference : unavailable.attachments) last.attachments.push_back(std::move(reference));
  add_file_references(turn.json, last);
  last.update_time = time_field(turn.json, "updated_at");
  last.end_turn = role == "assistant";
  last.raw_json = json_text(turn.json);
  if (role == "system") {
    last.kind = MessageKind::system;
    last.hidden = true;
  }
  return parts;
}

// The conversation's fields other than its messages, as exported.
std::string meta_of(Json root) {
  std::string meta = "{";
  simdjson::dom::object object;
  if (!root.get(object)) {
    for (auto [key, value] : object) {
      if (key == "chat_messages") continue;
      if (meta.size() > 1) meta += ",";
      meta += json_quote(key) + ":" + json_text(value);
    }
  }
  return meta + "}";
}

Conversation build(const std::string& element, Json root) {
  if (!root.is_object()) throw Failure{"not a JSON object"};
  Conversation conversation;
  conversation.source = "claude";
  conversation.id = text_field(root, "uuid");
  conversation.title = text_field(root, "name");
  if (conversation.id.empty()) throw Failure{"no conversation uuid"};
  conversation.create_time = time_field(root, "created_at");
  conversation.update_time = time_field(root, "updated_at");
  conversation.is_starred = bool_field(root, "is_starred");
  conversation.model = text_field(root, "model");  // when the export says; usually it does not
  conversation.meta_json = meta_of(root);
  conversation.raw_json = element;

  std::vector<Turn> turns;
  if (auto messages = array_field(root, "chat_messages")) {
    for (Json item : *messages) {
      if (!item.is_object()) continue;
      Turn turn;
      turn.json = item;
      turn.id = text_field(item, "uuid");
      if (turn.id.empty()) turn.id = conversation.id + ":" + std::to_string(turns.size());
      turn.parent = text_field(item, "parent_message_uuid");
      if (turn.parent == kNoParent) turn.parent.clear();
      turns.push_back(std::move(turn));
    }
  } else if (field(root, "chat_messages") && !field(root, "chat_messages")->is_null()) {
    throw Failure{"\"chat_messages\" is not an array"};
  }
  if (turns.empty()) return conversation;  // reported as a conversation without messages

  std::set<std::string> known;
  bool linked = false;
  for (const auto& turn : turns) {
    known.insert(turn.id);
    linked = linked || field(turn.json, "parent_message_uuid").has_value();
  }
  const std::string root_id = conversation.id + kRootSuffix;
  conversation.nodes.push_back(Node{root_id, {}, {}, std::nullopt});
  std::unordered_map<std::string, size_t> index;
  index[root_id] = 0;
  std::unordered_map<std::string, std::string> tool_names;
  std::string previous = root_id;
  for (const auto& turn : turns) {
    if (index.count(turn.id)) continue;  // a uuid written twice: the first one counts
    // Without parent links (older exports) the array order is the thread.
    std::string parent =
        linked ? (known.count(turn.parent) && turn.parent != turn.id ? turn.parent : root_id)
               : previous;
    std::vector<Part> parts = parts_of(turn, tool_names);
    for (size_t k = 0; k < parts.size(); ++k) {
      const bool last = k + 1 == parts.size();
      Node node{last ? turn.id : turn.id + "#" + std::to_string(k + 1),
                parent,
                {},
                std::move(parts[k].message)};
      parent = node.id;
      index[node.id] = conversation.nodes.size();
      conversation.nodes.push_back(std::move(node));
    }
    previous = turn.id;
  }
  for (size_t i = 1; i < conversation.nodes.size(); ++i) {
    auto parent = index.find(conversation.nodes[i].parent);
    if (parent != index.end()) {
      conversation.nodes[parent->second].children.push_back(conversation.nodes[i].id);
    }
  }
  const std::string leaf = text_field(root, "current_leaf_message_uuid");
  conversation.current_node = known.count(leaf) ? leaf : turns.back().id;
  return conversation;
}

}  // namespace

Conversation ClaudeParser::parse(const std::string& element) {
  Json root;
  std::string repaired;
  if (auto error = parse_repairing(parser_, element, root, repaired, repaired_)) {
    throw ConversationParseError(std::string("invalid JSON: ") + simdjson::error_message(error), {},
                                 {});
  }
  try {
    return build(element, root);
  } catch (const Failure& failure) {
    throw ConversationParseError(failure.reason, text_field(root, "uuid"),
                                 text_field(root, "name"));
  }
}

}  // namespace afterglow::importer
