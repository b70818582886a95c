#include "merge_decision.h"

#include <unordered_map>
#include <unordered_set>

namespace afterglow::store {

ConversationMerge decide_conversation(const std::optional<StoredVersion>& stored,
                                      const IncomingVersion& incoming) {
  if (!stored) return ConversationMerge::add;
  if (stored->seen_in_this_import) {
    // The same id twice in one export (a branch copied into a new chat, or one conversation in
    // two shards): the newest version wins; without a time the first one stays.
    if (!incoming.update_time ||
        (stored->update_time && *incoming.update_time <= *stored->update_time)) {
      return ConversationMerge::ignore_older_duplicate;
    }
  }
  if (stored->hash == incoming.hash) return ConversationMerge::unchanged;
  // An older export imported after a newer one (or a stale copy of a conversation) must not roll
  // back what the archive already has. Within one export the newer copy has already won above.
  if (!stored->seen_in_this_import && incoming.update_time && stored->update_time &&
      *incoming.update_time < *stored->update_time) {
    return ConversationMerge::keep_newer_stored;
  }
  return ConversationMerge::update;
}

NodePlan plan_nodes(const std::vector<StoredNode>& stored,
                    const std::vector<IncomingNode>& incoming) {
  std::unordered_map<std::string, const StoredNode*> by_id;
  for (const auto& node : stored) by_id.emplace(node.id, &node);
  NodePlan plan;
  std::unordered_set<std::string> kept;
  for (const auto& node : incoming) {
    auto it = by_id.find(node.id);
    const StoredNode* old = it == by_id.end() ? nullptr : it->second;
    plan.stored.push_back(old != nullptr);
    if (old) kept.insert(node.id);
    const bool had_message = old && !old->message_hash.empty();
    if (!node.has_message) {
      plan.message.push_back(MessageMerge::none);
    } else if (had_message && old->message_hash == node.message_hash) {
      plan.message.push_back(MessageMerge::renew);
    } else {
      plan.message.push_back(had_message ? MessageMerge::update : MessageMerge::add);
    }
  }
  for (const auto& node : stored) {
    if (!kept.contains(node.id)) plan.vanished.push_back(node.id);
  }
  return plan;
}

UpstreamChange decide_upstream(const AccountConversation& c, model::Timestamp export_time) {
  if (c.in_this_export) {
    const bool as_new = !export_time || !c.gone_export_time || *c.gone_export_time <= *export_time;
    return c.gone && as_new ? UpstreamChange::back : UpstreamChange::none;
  }
  if (c.gone) return UpstreamChange::none;  // marked by the import that first missed it
  const bool before_export = !export_time || !c.update_time || *c.update_time <= *export_time;
  return before_export ? UpstreamChange::mark_gone : UpstreamChange::none;
}

}  // namespace afterglow::store
