// What a ChatGPT conversation says about the person's memory and setup, as data: the bio tool's
// writes, the memory snapshots the model was given (model_set_context), the custom instructions
// (user_editable_context, older user_context_message_data), and the custom GPT or project the
// conversation belongs to. Read from the parsed conversation; nothing is guessed.
#pragma once

#include <optional>
#include <vector>

#include "afterglow/model/conversation.h"
#include "afterglow/model/memory_record.h"

namespace afterglow::importer {

// One record per message that is a memory write, a snapshot or custom instructions, in node
// order. A snapshot or instructions node without a time takes the conversation's creation time:
// it is what the model was given when the conversation began.
std::vector<model::MemoryRecord> chatgpt_memory_records(const model::Conversation& conversation);

// The custom GPT ("g-…", kind "gpt") or project ("g-p-…", kind "chatgpt_project") named by the
// conversation's gizmo_id, with its name when the conversation carries one; nullopt without one.
std::optional<model::Project> chatgpt_project(const model::Conversation& conversation);

}  // namespace afterglow::importer
