#include "generator/conversation_builder.h"

#include <algorithm>
#include <optional>

#include "generator/ids.h"
#include "generator/turns.h"

namespace afterglow::bench {

namespace {

Language pick_language(ConversationState& s, double chinese_share) {
  const double english_below = 1.0 - chinese_share;
  const double draw = s.rng.unit();
  if (draw < english_below) return Language::english;
  return draw < english_below + chinese_share * 2.0 / 3.0 ? Language::chinese : Language::mixed;
}

void choose_settings(ConversationState& s, const ExportShape& shape) {
  s.start = pick_conversation_start(s.rng);
  s.clock = s.start;
  s.modern = s.start >= dates::k2025;
  s.ascii = s.start < dates::kGpt4o;
  s.json.set_ascii_only(s.ascii);
  s.language = pick_language(s, shape.chinese_share);
  s.topic = &s.rng.pick_skewed(topics());
  s.model = pick_model(s.rng, s.start);
  s.reasoning = is_reasoning_model(s.model) || (s.model == "gpt-5" && s.rng.chance(0.2));
  s.voice = s.start >= dates::kSearch && s.rng.chance(0.05);
  s.conversation_id = random_uuid(s.rng);
}

int add_user(ConversationState& s, int parent) {
  if (s.voice) return add_user_voice(s, parent);
  if (s.start >= dates::kVision && s.rng.chance(0.04)) return add_user_images(s, parent);
  return add_user_text(s, parent);
}

int add_response(ConversationState& s, int user) {
  if (s.voice) return add_voice_answer(s, user);
  int node = user;
  if (s.reasoning && s.rng.chance(0.9)) node = add_reasoning(s, node);
  const bool tools = s.model != "text-davinci-002-render-sha";
  const double roll = s.rng.unit();
  if (tools && roll < 0.05) {
    node = add_python_run(s, node);
  } else if (roll < 0.13) {
    if (s.start >= dates::kSearch) return add_web_search_answer(s, node);
    if (s.start >= dates::kBrowsing && s.model == "gpt-4") return add_browsing_answer(s, node);
  } else if (tools && roll < 0.15 && s.start >= dates::kVision) {
    node = add_image_generation(s, node);
  } else if (roll < 0.17 && s.start >= dates::kMemory) {
    node = add_memory_update(s, node);
  }
  return add_answer(s, node);
}

// One exchange. About one in ten has alternatives: regenerated answers (siblings under the
// same question) or edited questions (siblings under the same parent). The conversation goes
// on from one of them, usually the newest, and the others stay as abandoned branches.
int add_exchange(ConversationState& s, int parent, bool first) {
  if (first || !s.rng.chance(0.10)) return add_response(s, add_user(s, parent));
  const bool edit = s.rng.chance(0.4);
  const int versions = s.rng.chance(0.8) ? 2 : 3;
  const int active = s.rng.chance(0.7)
                         ? versions - 1
                         : static_cast<int>(s.rng.below(static_cast<std::uint64_t>(versions - 1)));
  int chosen = -1;
  const int user = edit ? -1 : add_user(s, parent);
  for (int v = 0; v < versions; ++v) {
    const int leaf = edit ? add_response(s, add_user(s, parent)) : add_response(s, user);
    if (v == active) chosen = leaf;
  }
  return chosen;
}

std::int64_t exchange_count(ConversationState& s) {
  if (s.voice) return s.rng.between(2, 12);
  if (s.rng.chance(0.01)) return s.rng.between(40, 150);  // the long-running project chat
  return std::min<std::int64_t>(1 + static_cast<std::int64_t>(s.rng.geometric(3.0)), 60);
}

void write_mapping(const ConversationState& s, JsonOut& j, bool with_children) {
  j.key("mapping").begin_object();
  for (const Node& node : s.nodes) {
    j.key(node.id).begin_object().key("id").string(node.id).key("message");
    if (node.begin == node.end) {
      j.null();
    } else {
      j.raw(std::string_view(s.arena).substr(node.begin, node.end - node.begin));
    }
    j.key("parent");
    if (node.parent < 0) {
      j.null();
    } else {
      j.string(s.nodes[static_cast<std::size_t>(node.parent)].id);
    }
    if (with_children) {
      j.key("children").begin_array();
      for (const int child : node.children) j.string(s.nodes[static_cast<std::size_t>(child)].id);
      j.end_array();
    }
    j.end_object();
  }
  j.end_object();
}

}  // namespace

ConversationBuilder::ConversationBuilder(std::uint64_t export_seed, ExportShape shape)
    : seed_(export_seed), shape_(std::move(shape)) {}

ConversationStats ConversationBuilder::build(std::uint64_t index, std::string& out,
                                             std::vector<AssetRequest>& assets) {
  ConversationState s(Rng::stream_seed(seed_, index), shape_, arena_, assets);
  choose_settings(s, shape_);

  std::optional<std::string> title;
  if (!s.rng.chance(0.02)) {
    const Language title_language = s.language == Language::mixed ? Language::chinese : s.language;
    title = make_title(s.rng, TextStyle{title_language, s.topic});
  }
  const bool gizmo = s.start >= dates::k2024 && s.rng.chance(0.04);
  const std::string gizmo_id = gizmo ? "g-" + random_base62(s.rng, 9) : "";
  // Reported for 2026 sharded exports: nodes with a parent but no children list.
  const bool childless = s.rng.chance(0.5) && shape_.sharded && s.start >= dates::k2026;

  int parent = s.add_root();
  const auto systems = s.modern ? s.rng.between(1, 3) : 1;
  for (std::int64_t i = 0; i < systems; ++i) parent = add_hidden_system(s, parent);
  if (s.start >= dates::kCustomInstructions && s.rng.chance(0.3)) {
    parent = add_custom_instructions(s, parent);
  }
  if (s.modern && s.rng.chance(0.1)) parent = add_memory_snapshot(s, parent);
  const std::int64_t exchanges = exchange_count(s);
  for (std::int64_t t = 0; t < exchanges; ++t) {
    if (t > 0 && s.rng.chance(0.02) && s.clock < dates::kLast) {
      s.clock += s.rng.between(1, 20) * 86400 * dates::kSecond;  // picked up again days later
    }
    parent = add_exchange(s, parent, t == 0);
  }
  const std::string& current = s.nodes[static_cast<std::size_t>(parent)].id;
  Micros update_time = s.clock;
  if (s.start >= dates::k2026 && s.rng.chance(0.3)) {
    update_time += s.rng.between(1, 60) * 86400 * dates::kSecond;  // touched after the fact
  }

  out.clear();
  JsonOut j(out, s.ascii);
  j.begin_object().key("title");
  if (title) {
    j.string(*title);
  } else {
    j.null();
  }
  j.key("create_time").seconds(s.start).key("update_time").seconds(update_time);
  write_mapping(s, j, !childless);
  j.key("moderation_results").begin_array().end_array().key("current_node").string(current);
  j.key("plugin_ids").null().key("conversation_id").string(s.conversation_id);
  j.key("conversation_template_id");
  if (gizmo) {
    j.string(gizmo_id).key("gizmo_id").string(gizmo_id).key("gizmo_type").string("gpt");
  } else {
    j.null().key("gizmo_id").null();
    if (s.start >= dates::k2024) j.key("gizmo_type").null();
  }
  j.key("is_archived").boolean(s.rng.chance(0.03));
  if (s.modern) {
    j.key("is_starred");
    if (s.rng.chance(0.05)) {
      j.boolean(true);
    } else {
      j.null();
    }
  }
  j.key("safe_urls").begin_array().end_array();
  if (s.start >= dates::k2024) j.key("blocked_urls").begin_array().end_array();
  j.key("default_model_slug").string(s.model);
  if (s.start >= dates::k2024) {
    j.key("conversation_origin").null().key("voice");
    if (s.voice) {
      j.string("alloy");
    } else {
      j.null();
    }
    j.key("async_status").null().key("disabled_tool_ids").begin_array().end_array();
  }
  if (s.modern) {
    j.key("is_do_not_remember").boolean(false).key("memory_scope").string("global_enabled");
    j.key("is_study_mode").boolean(false);
  }
  j.key("id").string(s.conversation_id).end_object();
  return {s.messages};
}

}  // namespace afterglow::bench
