#include "generator/conversation_state.h"

#include "generator/ids.h"

namespace afterglow::bench {

namespace {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::system:
      return "system";
    case Role::user:
      return "user";
    case Role::assistant:
      return "assistant";
    case Role::tool:
      return "tool";
  }
  return "user";
}

}  // namespace

ConversationState::ConversationState(std::uint64_t seed, const ExportShape& export_shape,
                                     std::string& arena_buffer,
                                     std::vector<AssetRequest>& asset_list)
    : rng(seed), shape(export_shape), arena(arena_buffer), assets(asset_list), json(arena) {
  arena.clear();
}

TextStyle ConversationState::style() {
  Language lang = language;
  if (language == Language::mixed && rng.chance(0.35)) lang = Language::english;
  return {lang, topic};
}

Micros ConversationState::advance(double median_seconds, double sigma) {
  const double gap = rng.log_normal(median_seconds, sigma);
  clock += static_cast<Micros>(gap * 1e6) + static_cast<Micros>(rng.below(1000000));
  return clock;
}

int ConversationState::add_root() {
  Node root;
  root.id = modern ? std::string("client-created-root") : random_uuid(rng);
  nodes.push_back(std::move(root));
  return 0;
}

int ConversationState::open_message(int parent, Role role, std::string_view author_name,
                                    std::optional<Micros> create_time) {
  Node node;
  node.id = (role == Role::user && !modern) ? client_message_uuid(rng) : random_uuid(rng);
  node.parent = parent;
  node.begin = arena.size();
  nodes.push_back(std::move(node));
  const int index = static_cast<int>(nodes.size()) - 1;
  nodes[static_cast<std::size_t>(parent)].children.push_back(index);
  ++messages;

  json.begin_object().key("id").string(nodes.back().id);
  json.key("author").begin_object().key("role").string(role_name(role)).key("name");
  if (author_name.empty()) {
    json.null();
  } else {
    json.string(author_name);
  }
  json.key("metadata").begin_object().end_object().end_object();
  json.key("create_time");
  if (create_time) {
    json.seconds(*create_time);
  } else {
    json.null();
  }
  json.key("update_time").null().key("content");
  return index;
}

void ConversationState::write_tail_start(const MessageTail& tail) {
  json.key("status").string(tail.status).key("end_turn");
  if (tail.end_turn) {
    json.boolean(*tail.end_turn);
  } else {
    json.null();
  }
  json.key("weight");
  if (tail.hidden) {
    json.integer(0);
  } else {
    json.fixed(10, 1);
  }
  json.key("metadata").begin_object();
  if (tail.hidden) json.key("is_visually_hidden_from_conversation").boolean(true);
}

void ConversationState::write_tail_end(int node, const MessageTail& tail) {
  json.end_object().key("recipient").string(tail.recipient);
  if (start >= dates::kGpt4o) {  // the channel field appears in 2024 exports
    json.key("channel");
    if (tail.channel.empty()) {
      json.null();
    } else {
      json.string(tail.channel);
    }
  }
  json.end_object();
  nodes[static_cast<std::size_t>(node)].end = arena.size();
}

void ConversationState::text_content(std::string_view content) {
  json.begin_object().key("content_type").string("text").key("parts").begin_array();
  json.string(content).end_array().end_object();
}

void ConversationState::assistant_metadata(JsonOut& j, int node, bool complete) {
  if (complete) {
    j.key("finish_details").begin_object().key("type").string("stop");
    j.key("stop_tokens").begin_array().integer(modern ? 200002 : 100260).end_array().end_object();
    j.key("is_complete").boolean(true);
  }
  j.key("citations").begin_array().end_array();
  if (start >= dates::kSearch) j.key("content_references").begin_array().end_array();
  j.key("message_type").string("next");
  j.key("model_slug").string(model).key("default_model_slug").string(model);
  const Node& n = nodes[static_cast<std::size_t>(node)];
  j.key("parent_id").string(nodes[static_cast<std::size_t>(n.parent)].id);
  j.key("request_id").string(random_hex(rng, 16) + (modern ? "-SJC" : "-IAD"));
  j.key("timestamp_").string("absolute");
}

void ConversationState::user_metadata(JsonOut& j) {
  if (modern) {
    j.key("selected_github_repos").begin_array().end_array();
    j.key("serialization_metadata").begin_object().key("custom_symbol_offsets").begin_array();
    j.end_array().end_object();
  }
  j.key("request_id").string(random_hex(rng, 16) + (modern ? "-SJC" : "-IAD"));
  j.key("message_source").null();
  j.key("timestamp_").string("absolute");
  j.key("message_type").null();
}

void ConversationState::register_asset(std::string_view pointer_id, std::string member_in_classic,
                                       std::string original_name, MediaKind kind,
                                       std::uint64_t seed) {
  // 2026 sharded exports ship every asset as <pointer id>.dat and name it in a side map.
  std::string member =
      shape.sharded ? std::string(pointer_id) + ".dat" : std::move(member_in_classic);
  assets.push_back({std::move(member), std::move(original_name), kind, seed});
}

}  // namespace afterglow::bench
