// The conversation tree: which nodes form the displayed thread and which are alternate versions.
// Exports can be damaged (no children lists, cycles, orphans, a current_node that is null or points
// nowhere), so everything here is computed from `parent` links and guards against loops.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "afterglow/model/conversation.h"

namespace afterglow::model {

class Tree {
 public:
  explicit Tree(const Conversation& conversation);

  // Indices into conversation.nodes of the displayed thread, root first. The leaf is
  // current_node when it exists, otherwise the newest leaf by message create_time.
  const std::vector<size_t>& thread() const { return thread_; }
  // The leaf the thread was computed from (node id), empty for an empty conversation.
  const std::string& leaf() const { return leaf_; }
  bool on_thread(size_t node_index) const { return on_thread_[node_index]; }

  // Children of a node (indices), in export order, rebuilt from parent links.
  const std::vector<size_t>& children(size_t node_index) const { return children_[node_index]; }
  // The versions of a turn: the node and its siblings that carry a message, in order.
  // A node without siblings has one version, itself.
  std::vector<size_t> versions(size_t node_index) const;
  // True when some node has more than one message-carrying child.
  bool has_branches() const;

  std::optional<size_t> index_of(const std::string& node_id) const;
  // The path from a node down to a leaf that follows the newest child at each step; used to show
  // an alternate version with everything that followed it.
  std::vector<size_t> path_through(size_t node_index) const;

 private:
  const Conversation& conversation_;
  std::unordered_map<std::string, size_t> index_;
  std::vector<size_t> parent_;  // npos for roots and dangling parents
  std::vector<std::vector<size_t>> children_;
  std::vector<size_t> thread_;
  std::vector<bool> on_thread_;
  std::string leaf_;
};

}  // namespace afterglow::model
