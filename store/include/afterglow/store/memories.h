// What the companion remembered about the person, as the archive keeps it: every memory write,
// memory snapshot and change of custom instructions an export held (tables memory_records and
// projects, docs/FORMAT.md), whichever service it came from. Imports only add to them; these
// functions read them back. Like Archive, not safe to share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "afterglow/model/memory_record.h"
#include "afterglow/store/archive.h"

namespace afterglow::store {

struct StoredMemoryRecord {
  model::MemoryRecord record;  // as extracted (source, kind, time, text, where, raw JSON)
  std::string account;         // the account's id ("" when the export did not say)
  // The conversation it happened in, when the record names one and the archive holds it.
  std::string conversation_title;
  bool conversation_held = false;
  bool message_held = false;  // the record's node is a message of that conversation
  int64_t first_seen_import = 0;
};

struct StoredProject {
  model::Project project;
  std::string account;
  int64_t conversations = 0;  // conversations of the account that belong to it (gizmo_id)
};

// A conversation copy that belongs to a ChatGPT project or custom GPT (conversations.gizmo_id).
struct GizmoConversation {
  std::string source, account, conversation_id;
  std::string gizmo_id;
  std::string name;  // the project's or GPT's name; "" when no export named it
};

// Every memory record, oldest first; records without a time come last, in import order.
std::vector<StoredMemoryRecord> memory_records(const Archive& archive);
// Every project and GPT, by name then id.
std::vector<StoredProject> projects(const Archive& archive);
// Every conversation that has a gizmo id, with the name of its project or GPT.
std::vector<GizmoConversation> gizmo_conversations(const Archive& archive);

// The identity of a record within its account, the key that makes a re-import add nothing:
// lowercase hex SHA-256 of source, kind, time ("%.6f" UTC seconds, "" when absent), text,
// conversation id, node id and project id, each followed by one 0x1F byte.
std::string memory_record_digest(const model::MemoryRecord& record);

}  // namespace afterglow::store
