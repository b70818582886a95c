#include "conversation_digest.h"

#include <cstring>

#include <unordered_set>
#include "afterglow/text/cut.h"

#include "afterglow/model/tree.h"
#include "sha256.h"

namespace afterglow::store {
namespace {

// Feeds values into a hash unambiguously: every field is length-prefixed.
class Hasher {
 public:
  Hasher& text(std::string_view s) {
    integer(static_cast<int64_t>(s.size()));
    sha_.update(s);
    return *this;
  }
  Hasher& integer(int64_t v) {
    char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v);
    sha_.update(std::string_view(bytes, sizeof bytes));
    return *this;
  }
  Hasher& real(double v) {
    char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v);
    sha_.update(std::string_view(bytes, sizeof bytes));
    return *this;
  }
  Hasher& time(const model::Timestamp& t) {
    integer(t.has_value());
    return t ? real(*t) : *this;
  }
  std::string hex() { return sha_.hex_digest(); }

 private:
  Sha256 sha_;
};

std::string message_hash(const model::Node& node) {
  const model::Message& m = *node.message;
  Hasher h;
  h.text(node.id).text(node.parent).text(m.role).text(m.author_name).text(m.recipient);
  h.text(m.channel).text(m.content_type).text(m.status).text(m.model);
  h.time(m.create_time).time(m.update_time).real(m.weight);
  h.integer(m.end_turn).text(model::to_string(m.kind)).integer(m.hidden).integer(m.is_voice);
  h.integer(m.unknown_content).text(m.text).text(m.language).text(m.raw_json);
  h.integer(static_cast<int64_t>(m.attachments.size()));
  for (const auto& a : m.attachments) {
    h.text(model::to_string(a.kind)).text(a.pointer).text(a.file_id).text(a.name).text(a.mime);
    h.integer(a.size).integer(a.width).integer(a.height).real(a.duration);
  }
  h.integer(static_cast<int64_t>(m.citations.size()));
  for (const auto& c : m.citations) h.integer(c.number).text(c.title).text(c.url).text(c.snippet);
  return h.hex();
}

}  // namespace

ConversationDigest digest(const model::Conversation& c) {
  const size_t n = c.nodes.size();
  ConversationDigest d;
  model::Tree tree(c);
  d.message_hashes.resize(n);
  d.positions.assign(n, 0);
  d.on_thread.resize(n);
  d.duplicate.assign(n, false);
  d.has_branches = tree.has_branches();

  std::unordered_set<std::string_view> seen;
  int roots = 0;
  for (size_t i = 0; i < n; ++i) {
    d.duplicate[i] = !seen.insert(c.nodes[i].id).second;
    d.on_thread[i] = tree.on_thread(i) && !d.duplicate[i];
    if (c.nodes[i].message) {
      d.message_hashes[i] = message_hash(c.nodes[i]);
      if (!d.duplicate[i]) ++d.message_count;
    }
    const auto& kids = tree.children(i);
    for (size_t k = 0; k < kids.size(); ++k) d.positions[kids[k]] = static_cast<int>(k);
  }
  // Roots (no parent in the tree) are siblings of each other, in export order.
  for (size_t i = 0; i < n; ++i) {
    bool has_parent = false;
    if (auto p = tree.index_of(c.nodes[i].parent); p && *p != i) {
      const auto& kids = tree.children(*p);
      for (size_t k : kids) has_parent = has_parent || k == i;
    }
    if (!has_parent) d.positions[i] = roots++;
  }

  for (size_t i : tree.thread()) {
    const auto& m = c.nodes[i].message;
    if (!m || m->hidden) continue;
    ++d.thread_messages;
    if (d.first_user_text.empty() && m->role == "user") {
      d.first_user_text = text::one_line_excerpt(m->text, 80);
    }
  }

  Hasher h;
  h.text(c.source).text(c.id).text(c.title).time(c.create_time).time(c.update_time);
  h.text(c.current_node).text(c.model).integer(c.is_archived).integer(c.is_starred);
  h.text(c.gizmo_id).text(c.meta_json).text(c.raw_json);
  h.integer(static_cast<int64_t>(n));
  for (size_t i = 0; i < n; ++i) {
    h.text(c.nodes[i].id).text(c.nodes[i].parent).text(d.message_hashes[i]);
    h.integer(static_cast<int64_t>(c.nodes[i].children.size()));
    for (const auto& child : c.nodes[i].children) h.text(child);
  }
  d.hash = h.hex();
  return d;
}

}  // namespace afterglow::store
