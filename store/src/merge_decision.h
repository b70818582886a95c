// The merge rules of an import, as pure functions: what happens to a conversation, to each of its
// nodes, and to the account's conversations the export no longer holds. ImportImpl (import.cpp)
// applies the decisions in SQL; docs/DESIGN.md ("Merge rules") states them in words. Nothing is
// ever deleted: a conversation or node is only added, updated, kept, or marked.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "afterglow/model/conversation.h"

namespace afterglow::store {

// One conversation of the export against what the archive holds for the same key (source,
// account, conversation id).
struct StoredVersion {
  std::string hash;  // content_hash of the stored copy
  model::Timestamp update_time;
  bool seen_in_this_import = false;  // the export already held this id once
};

struct IncomingVersion {
  std::string hash;
  model::Timestamp update_time;
};

enum class ConversationMerge {
  add,                     // the archive does not hold it: write it
  update,                  // it changed: rewrite it (nodes merged one by one)
  unchanged,               // the same content: only note that this export has it
  keep_newer_stored,       // an older export than the stored copy: never roll back
  ignore_older_duplicate,  // the export held this id already, in a version at least as new
};

ConversationMerge decide_conversation(const std::optional<StoredVersion>& stored,
                                      const IncomingVersion& incoming);

// The nodes of a conversation being added or updated.
struct StoredNode {
  std::string id;
  std::string message_hash;  // empty when the node has no message
};

struct IncomingNode {
  std::string id;
  bool has_message = false;
  std::string message_hash;
};

enum class MessageMerge {
  none,    // no message in the export: a stored one is kept as it was
  add,     // a message the archive did not have
  update,  // the message changed
  renew,   // the same message: only a new seq, since its thread or title may have moved
};

struct NodePlan {
  std::vector<bool> stored;           // per incoming node: the archive has this node already
  std::vector<MessageMerge> message;  // per incoming node
  // Stored node ids the export no longer has, in their stored order: kept, marked vanished.
  std::vector<std::string> vanished;
};

NodePlan plan_nodes(const std::vector<StoredNode>& stored,
                    const std::vector<IncomingNode>& incoming);

// A conversation of the importing account as the import ends.
struct AccountConversation {
  bool in_this_export = false;  // seen (whole or broken) in this import
  model::Timestamp update_time;
  // When marked gone upstream: the export time of the import that found it missing.
  bool gone = false;
  model::Timestamp gone_export_time;
};

enum class UpstreamChange { none, mark_gone, back };

// `export_time`: the newest update_time in this export (how recent it is), unknown when none.
// Missing from the export marks a conversation gone only when it last changed before the export
// was made (an older export imported late says nothing about newer conversations); held again by
// an export at least as new as the one that found it missing brings it back.
UpstreamChange decide_upstream(const AccountConversation& conversation,
                               model::Timestamp export_time);

}  // namespace afterglow::store
