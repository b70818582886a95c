// What a companion kept about the person, as data: every memory write, every snapshot of its
// memory, every change of custom instructions, whichever service it came from. Extracted by the
// importers, kept by the store, shown by the memorial pages; never generated.
#pragma once

#include <string>
#include <string_view>

#include "afterglow/model/conversation.h"

namespace afterglow::model {

struct MemoryRecord {
  std::string source = "chatgpt";  // chatgpt | claude | gemini | grok
  // What kind of record: "memory_write" (ChatGPT's bio tool), "memory_snapshot"
  // (model_set_context / model_editable_context), "custom_instructions" (user_editable_context,
  // user_context_message_data), "account_memory" (Claude's memories.json, a project's memory).
  std::string kind;
  Timestamp time;               // when it happened; absent when the export does not say
  std::string text;             // what was remembered or instructed, as written
  std::string conversation_id;  // where it happened; empty for account-level records
  std::string node_id;          // the message it came from; empty when none
  std::string project_id;       // a Claude project's memory; empty otherwise
  std::string raw_json;         // the record as exported, so nothing is lost
};

// A place conversations belong to: a Claude project, a ChatGPT project or custom GPT.
struct Project {
  std::string source = "chatgpt";
  std::string id;    // the export's id (a Claude project uuid, a gizmo id "g-…", "g-p-…")
  std::string kind;  // "claude_project" | "chatgpt_project" | "gpt"
  std::string name;  // empty when the export does not name it
  std::string description;
  std::string instructions;  // a Claude project's prompt template, a GPT's instructions
  std::string raw_json;      // as exported (a project's docs stay in it)
};

// What a ChatGPT gizmo id names, as Project::kind says it: "g-p-…" is a project, any other a
// custom GPT. Conversations carry the id even when no export said more of it.
inline std::string gizmo_kind(std::string_view gizmo_id) {
  return gizmo_id.starts_with("g-p-") ? "chatgpt_project" : "gpt";
}

}  // namespace afterglow::model
