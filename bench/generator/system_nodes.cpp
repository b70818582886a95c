// The hidden nodes at the top of a conversation: empty system prompts, custom instructions and
// the memory snapshot. Viewers hide them; importers must keep them.
#include "generator/turns.h"

namespace afterglow::bench {

int add_hidden_system(ConversationState& s, int parent) {
  const int node = s.open_message(parent, Role::system, {}, std::nullopt);
  s.text_content("");
  MessageTail tail;
  tail.hidden = true;
  tail.end_turn = true;
  const bool rebase = s.modern && s.rng.chance(0.3);
  s.close_message(node, tail, [&](JsonOut& j) {
    if (rebase) j.key("rebase_developer_message").boolean(true);
  });
  return node;
}

int add_custom_instructions(ConversationState& s, int parent) {
  const TextStyle style = s.style();
  std::string profile;
  append_paragraph(s.rng, style, 2, profile);
  std::string instructions;
  append_paragraph(s.rng, style, static_cast<int>(s.rng.between(1, 3)), instructions);

  if (s.start < dates::kUserEditableContext) {
    // Before mid-2024: a hidden system message flagged as the user's own.
    const int node = s.open_message(parent, Role::system, {}, std::nullopt);
    s.text_content(profile + "\n\n" + instructions);
    MessageTail tail;
    tail.hidden = true;
    tail.end_turn = true;
    s.close_message(node, tail, [&](JsonOut& j) {
      j.key("is_user_system_message").boolean(true);
      j.key("user_context_message_data").begin_object();
      j.key("about_user_message").string(profile);
      j.key("about_model_message").string(instructions).end_object();
    });
    return node;
  }
  const int node = s.open_message(parent, Role::user, {}, std::nullopt);
  s.json.begin_object().key("content_type").string("user_editable_context");
  s.json.key("user_profile")
      .string(
          "The user provided the following information about "
          "themselves. " +
          profile);
  s.json.key("user_instructions").string(instructions).end_object();
  MessageTail tail;
  tail.hidden = true;
  s.close_message(node, tail, [&](JsonOut& j) {
    j.key("is_user_system_message").boolean(true);
    j.key("user_context_message_data").begin_object();
    j.key("about_user_message").string(profile);
    j.key("about_model_message").string(instructions).end_object();
  });
  return node;
}

int add_memory_snapshot(ConversationState& s, int parent) {
  const int node = s.open_message(parent, Role::system, {}, std::nullopt);
  std::string memory;
  const auto facts = s.rng.between(1, 5);
  for (std::int64_t i = 0; i < facts; ++i) {
    memory.append(i == 0 ? "1. [" : "\n\n").append("2025-0").append(std::to_string(i + 1));
    memory.append("-1").append(std::to_string(i)).append("]. ");
    append_sentence(s.rng, s.style(), memory);
  }
  s.json.begin_object().key("content_type").string("model_editable_context");
  s.json.key("model_set_context").string(memory);
  s.json.key("repository").null().key("repo_summary").null().key("structured_context").null();
  s.json.end_object();
  MessageTail tail;
  tail.hidden = true;
  s.close_message(node, tail);
  return node;
}

}  // namespace afterglow::bench
