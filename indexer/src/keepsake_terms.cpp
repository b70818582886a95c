// is:starred: the query names the person's keepsakes, which live in the archive and change
// without any reindexing; just before a query runs, each keepsake field is given the messages
// it stands for, and the engines match those by id.
#include "afterglow/indexer/query.h"
#include "afterglow/store/keepsakes.h"

namespace afterglow::indexer {

void resolve_keepsakes(QueryNode& node, const store::Archive& archive) {
  if (node.type == QueryNode::Type::field && node.field->kind == FieldKind::keepsake) {
    node.messages.clear();
    // "starred" is the only value kIsValues has; its messages are the stars.
    for (const auto& star : store::keepsakes(archive).stars) {
      // The indexes' message key: source/account/conversation/node (document_terms.h).
      node.messages.push_back(star.source + "/" + star.account + "/" +
                              star.message.conversation_id + "/" + star.message.node_id);
    }
    return;
  }
  for (auto& child : node.children) resolve_keepsakes(child, archive);
}

}  // namespace afterglow::indexer
