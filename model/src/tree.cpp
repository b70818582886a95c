#include "afterglow/model/tree.h"

#include <algorithm>
#include <limits>

namespace afterglow::model {
namespace {

constexpr size_t kNone = std::numeric_limits<size_t>::max();

double time_of(const Node& node) {
  if (node.message && node.message->create_time) return *node.message->create_time;
  return -std::numeric_limits<double>::infinity();
}

}  // namespace

Tree::Tree(const Conversation& conversation) : conversation_(conversation) {
  const auto& nodes = conversation.nodes;
  const size_t n = nodes.size();
  index_.reserve(n);
  for (size_t i = 0; i < n; ++i) index_.emplace(nodes[i].id, i);  // first one wins on duplicates

  // Parent links are the truth: `children` lists may be missing (2026 exports) or disagree.
  parent_.assign(n, kNone);
  children_.assign(n, {});
  for (size_t i = 0; i < n; ++i) {
    if (nodes[i].parent.empty()) continue;
    auto it = index_.find(nodes[i].parent);
    if (it == index_.end() || it->second == i) continue;  // dangling parent: an orphan root
    parent_[i] = it->second;
  }
  // A parent chain that loops back on itself never reaches a root. Break each cycle at the node
  // where the walk first re-enters it, so every node ends up in a tree and walks terminate.
  std::vector<int> state(n, 0);  // 0 unvisited, 1 on the current walk, 2 done
  for (size_t start = 0; start < n; ++start) {
    std::vector<size_t> walk;
    size_t i = start;
    while (i != kNone && state[i] == 0) {
      state[i] = 1;
      walk.push_back(i);
      i = parent_[i];
    }
    if (i != kNone && state[i] == 1) parent_[walk.back()] = kNone;
    for (size_t w : walk) state[w] = 2;
  }
  // Children in the order the export lists them, then any the lists forgot, in node order.
  for (size_t i = 0; i < n; ++i) {
    for (const auto& child_id : nodes[i].children) {
      auto it = index_.find(child_id);
      if (it == index_.end() || parent_[it->second] != i) continue;
      auto& list = children_[i];
      if (std::find(list.begin(), list.end(), it->second) == list.end()) list.push_back(it->second);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    if (parent_[i] == kNone) continue;
    auto& list = children_[parent_[i]];
    if (std::find(list.begin(), list.end(), i) == list.end()) list.push_back(i);
  }

  // The leaf: current_node when it names a node, else the newest leaf.
  size_t leaf = kNone;
  if (auto it = index_.find(conversation.current_node); it != index_.end()) leaf = it->second;
  if (leaf == kNone) {
    for (size_t i = 0; i < n; ++i) {
      if (!children_[i].empty()) continue;
      if (leaf == kNone || time_of(nodes[i]) >= time_of(nodes[leaf])) leaf = i;
    }
  }
  on_thread_.assign(n, false);
  if (leaf == kNone) return;
  leaf_ = nodes[leaf].id;
  for (size_t i = leaf; i != kNone; i = parent_[i]) {
    thread_.push_back(i);
    on_thread_[i] = true;
  }
  std::reverse(thread_.begin(), thread_.end());
}

std::vector<size_t> Tree::versions(size_t node_index) const {
  const size_t parent = parent_[node_index];
  if (parent == kNone) return {node_index};
  std::vector<size_t> out;
  for (size_t sibling : children_[parent]) {
    if (conversation_.nodes[sibling].message) out.push_back(sibling);
  }
  if (out.empty()) out.push_back(node_index);
  return out;
}

bool Tree::has_branches() const {
  for (size_t i = 0; i < children_.size(); ++i) {
    size_t with_message = 0;
    for (size_t child : children_[i]) {
      if (conversation_.nodes[child].message) ++with_message;
    }
    if (with_message > 1) return true;
  }
  return false;
}

std::optional<size_t> Tree::index_of(const std::string& node_id) const {
  auto it = index_.find(node_id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::vector<size_t> Tree::path_through(size_t node_index) const {
  std::vector<size_t> path{node_index};
  for (size_t i = node_index; !children_[i].empty();) {
    // Follow the newest child: the last regeneration or edit is the one the person kept going with.
    size_t next = children_[i].front();
    for (size_t child : children_[i]) {
      if (time_of(conversation_.nodes[child]) >= time_of(conversation_.nodes[next])) next = child;
    }
    path.push_back(next);
    i = next;
  }
  return path;
}

}  // namespace afterglow::model
