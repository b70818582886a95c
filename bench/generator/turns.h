// The kinds of node a conversation is made of. Each adds one or more nodes under `parent` and
// returns the last one, which the next node hangs from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "generator/conversation_state.h"

namespace afterglow::bench {

// Hidden nodes before the first turn.
int add_hidden_system(ConversationState& s, int parent);
int add_custom_instructions(ConversationState& s, int parent);
int add_memory_snapshot(ConversationState& s, int parent);

// User turns.
int add_user_text(ConversationState& s, int parent);
int add_user_images(ConversationState& s, int parent);
int add_user_voice(ConversationState& s, int parent);

// Assistant turns.
int add_answer(ConversationState& s, int parent);
int add_voice_answer(ConversationState& s, int parent);
int add_reasoning(ConversationState& s, int parent);  // thoughts, then a reasoning recap

// Tool calls: the assistant's call and the tool's reply.
int add_python_run(ConversationState& s, int parent);
int add_image_generation(ConversationState& s, int parent);
int add_memory_update(ConversationState& s, int parent);
// Web search (2024-10 on): call, result, then an answer with \ue200cite\ue202…\ue201 markers.
int add_web_search_answer(ConversationState& s, int parent);
// Browsing (2023-2024): call, result, then an answer with 【n†source】 markers.
int add_browsing_answer(ConversationState& s, int parent);

// An image_asset_pointer part; the file is shipped only when `available`.
struct ImageFile {
  std::string pointer_id;  // file-XXXX or file_0000…
  std::uint64_t seed = 0;
  int width = 0;
  int height = 0;
  std::size_t size_bytes = 0;
};
ImageFile make_image_file(ConversationState& s);
void write_image_pointer(ConversationState& s, const ImageFile& image,
                         std::string_view dalle_prompt);

}  // namespace afterglow::bench
