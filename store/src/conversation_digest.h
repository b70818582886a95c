// Everything the store derives from a conversation before writing it, with no database: content
// hashes for change detection, the displayed thread, sibling positions and the list-view fields.
#pragma once

#include <string>
#include <vector>

#include "afterglow/model/conversation.h"

namespace afterglow::store {

struct ConversationDigest {
  // SHA-256 (hex) over every field the archive keeps; equal hashes mean nothing to write.
  std::string hash;
  std::vector<std::string> message_hashes;  // per node; empty for nodes without a message
  std::vector<int> positions;               // index among the node's siblings
  std::vector<bool> on_thread;
  std::vector<bool> duplicate;  // a node id seen earlier in the same conversation (ignored)
  int64_t thread_messages = 0;  // visible messages on the displayed thread
  std::string first_user_text;
  bool has_branches = false;
  int64_t message_count = 0;
};

ConversationDigest digest(const model::Conversation& conversation);

}  // namespace afterglow::store
