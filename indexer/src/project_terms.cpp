// project: and gpt: name the ChatGPT project or custom GPT a conversation belongs to. The link
// (conversations.gizmo_id) and the names live in the archive, and a newer export may name or
// rename a project, so nothing of them is indexed: just before a query runs, each project field
// is given the conversations it stands for, and the engines match those.
#include "afterglow/indexer/query.h"
#include "afterglow/model/memory_record.h"
#include "afterglow/store/memories.h"
#include "document_terms.h"

namespace afterglow::indexer {
namespace {

// project: asks for ChatGPT projects, gpt: for custom GPTs.
std::string kind_asked(const Field& field) {
  return field.name == "project" ? "chatgpt_project" : "gpt";
}

bool names(const store::GizmoConversation& c, const std::string& lowered) {
  if (lower_ascii(c.gizmo_id) == lowered) return true;
  // Chinese is matched as typed; only ASCII letters fold, so the output never depends on the
  // locale.
  return !c.name.empty() && lower_ascii(c.name).find(lowered) != std::string::npos;
}

void resolve(QueryNode& node, const std::vector<store::GizmoConversation>& held) {
  if (node.type == QueryNode::Type::field && node.field->kind == FieldKind::project) {
    node.conversations.clear();
    const std::string kind = kind_asked(*node.field);
    for (const auto& c : held) {
      if (model::gizmo_kind(c.gizmo_id) != kind || !names(c, node.values.front())) continue;
      node.conversations.push_back({c.source, c.account, c.conversation_id});
    }
    return;
  }
  for (auto& child : node.children) resolve(child, held);
}

bool has_project_field(const QueryNode& node) {
  if (node.type == QueryNode::Type::field && node.field->kind == FieldKind::project) return true;
  for (const auto& child : node.children) {
    if (has_project_field(child)) return true;
  }
  return false;
}

}  // namespace

void resolve_projects(QueryNode& node, const store::Archive& archive) {
  if (!has_project_field(node)) return;  // most queries: no need to read the archive
  resolve(node, store::gizmo_conversations(archive));
}

}  // namespace afterglow::indexer
