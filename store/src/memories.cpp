// Reading the memory tables (schema step "memory records and projects"); import.cpp writes them.
#include "afterglow/store/memories.h"

#include <charconv>

#include "archive_impl.h"
#include "sha256.h"

namespace afterglow::store {
namespace {

const ArchiveImpl& impl(const Archive& archive) { return static_cast<const ArchiveImpl&>(archive); }

}  // namespace

std::string memory_record_digest(const model::MemoryRecord& record) {
  // to_chars, unlike printf, never writes the locale's decimal comma.
  std::string when;
  if (record.time) {
    char buffer[64];
    const auto end =
        std::to_chars(buffer, buffer + sizeof buffer, *record.time, std::chars_format::fixed, 6);
    when.assign(buffer, end.ptr);
  }
  Sha256 hash;
  for (const std::string_view field :
       {std::string_view(record.source), std::string_view(record.kind), std::string_view(when),
        std::string_view(record.text), std::string_view(record.conversation_id),
        std::string_view(record.node_id), std::string_view(record.project_id)}) {
    hash.update(field);
    hash.update("\x1f");
  }
  return hash.hex_digest();
}

std::vector<StoredMemoryRecord> memory_records(const Archive& archive) {
  // The conversation is the one of the record's own source and account: two accounts may hold
  // one conversation id.
  Statement q(impl(archive).database(), R"sql(
SELECT m.source, m.kind, m.time, m.text, m.conversation_id, m.node_id, m.project_id, m.raw_json,
       a.external_id, m.first_seen_import, c.title, c.id IS NOT NULL,
       EXISTS (SELECT 1 FROM nodes n JOIN messages g ON g.node = n.id
               WHERE n.conversation_id = c.id AND n.node_id = m.node_id)
FROM memory_records m JOIN accounts a ON a.id = m.account_id
LEFT JOIN conversations c ON m.conversation_id <> '' AND c.source = m.source
     AND c.account_id = m.account_id AND c.external_id = m.conversation_id
ORDER BY m.time IS NULL, m.time, m.id
)sql");
  std::vector<StoredMemoryRecord> out;
  while (q.step()) {
    StoredMemoryRecord r;
    r.record.source = q.text(0);
    r.record.kind = q.text(1);
    r.record.time = q.optional_real(2);
    r.record.text = q.text(3);
    r.record.conversation_id = q.text(4);
    r.record.node_id = q.text(5);
    r.record.project_id = q.text(6);
    r.record.raw_json = q.text(7);
    r.account = q.text(8);
    r.first_seen_import = q.int64(9);
    r.conversation_title = q.is_null(10) ? "" : q.text(10);
    r.conversation_held = q.int64(11) != 0;
    r.message_held = q.int64(12) != 0;
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<StoredProject> projects(const Archive& archive) {
  Statement q(impl(archive).database(), R"sql(
SELECT p.source, p.external_id, p.kind, p.name, p.description, p.instructions, p.raw_json,
       a.external_id,
       (SELECT count(*) FROM conversations c WHERE c.source = p.source
        AND c.account_id = p.account_id AND c.gizmo_id = p.external_id)
FROM projects p JOIN accounts a ON a.id = p.account_id
ORDER BY p.name = '', p.name, p.external_id
)sql");
  std::vector<StoredProject> out;
  while (q.step()) {
    StoredProject p;
    p.project.source = q.text(0);
    p.project.id = q.text(1);
    p.project.kind = q.text(2);
    p.project.name = q.text(3);
    p.project.description = q.text(4);
    p.project.instructions = q.text(5);
    p.project.raw_json = q.text(6);
    p.account = q.text(7);
    p.conversations = q.int64(8);
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<GizmoConversation> gizmo_conversations(const Archive& archive) {
  Statement q(impl(archive).database(), R"sql(
SELECT c.source, a.external_id, c.external_id, c.gizmo_id,
       coalesce((SELECT p.name FROM projects p WHERE p.source = c.source
                 AND p.account_id = c.account_id AND p.external_id = c.gizmo_id), '')
FROM conversations c JOIN accounts a ON a.id = c.account_id
WHERE c.gizmo_id <> ''
ORDER BY c.id
)sql");
  std::vector<GizmoConversation> out;
  while (q.step()) {
    GizmoConversation c;
    c.source = q.text(0);
    c.account = q.text(1);
    c.conversation_id = q.text(2);
    c.gizmo_id = q.text(3);
    c.name = q.text(4);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace afterglow::store
