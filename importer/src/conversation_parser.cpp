#include "conversation_parser.h"

#include <optional>

#include "json_text.h"
#include "number_checks.h"

namespace afterglow::importer {

namespace ondemand = simdjson::ondemand;
using model::Conversation;
using model::Node;

namespace {

// Thrown inside the walk so the current id/title can be attached on the way out.
struct WalkFailure {
  std::string reason;
};

void check(simdjson::error_code error, const char* what) {
  if (error) throw WalkFailure{std::string(what) + ": " + simdjson::error_message(error)};
}

// The exact JSON text of an object or array value; consumes it.
std::string_view raw_of(ondemand::value& value, ondemand::json_type type) {
  std::string_view raw;
  if (type == ondemand::json_type::object) {
    ondemand::object object;
    check(value.get_object().get(object), "unreadable object");
    check(object.raw_json().get(raw), "unreadable object");
  } else {
    ondemand::array array;
    check(value.get_array().get(array), "unreadable array");
    check(array.raw_json().get(raw), "unreadable array");
  }
  return trim_whitespace(raw);
}

std::optional<std::string> string_of(ondemand::value& value) {
  ondemand::json_type type{};
  if (value.type().get(type) || type != ondemand::json_type::string) return std::nullopt;
  std::string_view text;
  if (value.get_string().get(text)) return std::nullopt;
  return std::string(text);
}

std::optional<double> number_or_numeric_string(ondemand::value& value) {
  ondemand::json_type type{};
  if (value.type().get(type)) return std::nullopt;
  if (type == ondemand::json_type::number) {
    double number = 0;
    if (!value.get_double().get(number)) return number;
    return std::nullopt;
  }
  if (type == ondemand::json_type::string) {
    std::string_view text;
    if (!value.get_string().get(text)) return parse_number_text(text);
  }
  return std::nullopt;
}

bool true_of(ondemand::value& value) {
  bool flag = false;
  return !value.get_bool().get(flag) && flag;
}

ondemand::json_type type_of(ondemand::value& value) {
  ondemand::json_type type{};
  check(value.type().get(type), "unreadable value");
  return type;
}

Node parse_node(std::string_view key, ondemand::value& value, MessageParser& messages) {
  Node node;
  node.id = std::string(key);
  if (type_of(value) != ondemand::json_type::object) return node;  // left unread: skipped
  ondemand::object object;
  check(value.get_object().get(object), "unreadable node");
  for (auto field_result : object) {
    ondemand::field field;
    check(std::move(field_result).get(field), "unreadable node");
    std::string_view name;
    check(field.unescaped_key().get(name), "unreadable key");
    std::string name_copy(name);
    ondemand::value field_value = field.value();
    if (name_copy == "id") {
      if (auto id = string_of(field_value)) node.id = *id;
    } else if (name_copy == "parent") {
      if (auto parent = string_of(field_value)) node.parent = *parent;
    } else if (name_copy == "children") {
      if (type_of(field_value) == ondemand::json_type::array) {
        ondemand::array children;
        check(field_value.get_array().get(children), "unreadable children");
        for (auto child_result : children) {
          ondemand::value child;
          check(std::move(child_result).get(child), "unreadable children");
          if (auto id = string_of(child)) node.children.push_back(*id);
        }
      }
    } else if (name_copy == "message") {
      if (type_of(field_value) == ondemand::json_type::object) {
        node.message = messages.parse(raw_of(field_value, ondemand::json_type::object));
      }
    }
  }
  return node;
}

}  // namespace

Conversation ConversationParser::parse(const std::string& element) {
  repaired_ = false;
  dropped_times_ = 0;
  Conversation conversation;
  try {
    conversation = parse_document(element, element);
  } catch (const ConversationParseError& first) {
    // Invalid UTF-8 or lone surrogates: parse a repaired copy, keep the original bytes.
    auto repaired = repair_json_text(element);
    if (!repaired) throw;
    try {
      conversation = parse_document(element, *repaired);
      repaired_ = true;
    } catch (const ConversationParseError&) {
      throw first;
    }
  }
  dropped_times_ = drop_unrepresentable_times(conversation);
  return conversation;
}

Conversation ConversationParser::parse_document(const std::string& element,
                                                const std::string& json) {
  Conversation conversation;
  std::string conversation_id;  // the "conversation_id" field, used when "id" is missing
  simdjson::padded_string padded(json);
  try {
    ondemand::document document;
    check(parser_.iterate(padded).get(document), "invalid JSON");
    ondemand::json_type type{};
    check(document.type().get(type), "invalid JSON");
    if (type != ondemand::json_type::object) throw WalkFailure{"not a JSON object"};
    ondemand::object object;
    check(document.get_object().get(object), "invalid JSON");
    std::string meta = "{";
    for (auto field_result : object) {
      ondemand::field field;
      check(std::move(field_result).get(field), "invalid JSON");
      std::string_view key_view;
      check(field.unescaped_key().get(key_view), "invalid key");
      std::string key(key_view);
      ondemand::value value = field.value();
      if (key == "mapping") {
        // A null mapping is a known corrupt-but-harmless shape (kept with no nodes); any other
        // non-object means the conversation's content is unreadable, which must be reported.
        const auto mapping_type = type_of(value);
        if (mapping_type == ondemand::json_type::null) continue;
        if (mapping_type != ondemand::json_type::object) {
          throw WalkFailure{"\"mapping\" is not an object"};
        }
        ondemand::object mapping;
        check(value.get_object().get(mapping), "invalid mapping");
        for (auto node_result : mapping) {
          ondemand::field node_field;
          check(std::move(node_result).get(node_field), "invalid mapping");
          std::string_view node_key;
          check(node_field.unescaped_key().get(node_key), "invalid node key");
          std::string node_key_copy(node_key);
          ondemand::value node_value = node_field.value();
          conversation.nodes.push_back(parse_node(node_key_copy, node_value, messages_));
        }
        continue;
      }
      // Read the fields afterglow uses, then keep every field's exact text in meta_json.
      ondemand::json_type value_type = type_of(value);
      bool scalar =
          value_type != ondemand::json_type::object && value_type != ondemand::json_type::array;
      std::string_view raw;
      if (scalar) {
        raw = trim_whitespace(value.raw_json_token());
        if (key == "id") {
          if (auto id = string_of(value)) conversation.id = *id;
        } else if (key == "conversation_id") {
          if (auto id = string_of(value)) conversation_id = *id;
        } else if (key == "title") {
          if (auto title = string_of(value)) conversation.title = *title;
        } else if (key == "create_time") {
          conversation.create_time = number_or_numeric_string(value);
        } else if (key == "update_time") {
          conversation.update_time = number_or_numeric_string(value);
        } else if (key == "current_node") {
          if (auto node = string_of(value)) conversation.current_node = *node;
        } else if (key == "default_model_slug") {
          if (auto model = string_of(value)) conversation.model = *model;
        } else if (key == "is_archived") {
          conversation.is_archived = true_of(value);
        } else if (key == "is_starred") {
          conversation.is_starred = true_of(value);
        } else if (key == "gizmo_id") {
          if (auto gizmo = string_of(value)) conversation.gizmo_id = *gizmo;
        }
      } else {
        raw = raw_of(value, value_type);
      }
      if (meta.size() > 1) meta += ',';
      meta += json_quote(key);
      meta += ':';
      meta.append(raw);
    }
    meta += '}';
    conversation.meta_json = std::move(meta);
  } catch (const WalkFailure& failure) {
    throw ConversationParseError(failure.reason,
                                 conversation.id.empty() ? conversation_id : conversation.id,
                                 conversation.title);
  } catch (const simdjson::simdjson_error& error) {
    throw ConversationParseError(std::string("invalid JSON: ") + error.what(), conversation.id,
                                 conversation.title);
  }
  if (conversation.id.empty()) conversation.id = conversation_id;
  if (conversation.id.empty()) {
    throw ConversationParseError("no conversation id", {}, conversation.title);
  }
  conversation.raw_json = element;
  return conversation;
}

}  // namespace afterglow::importer
