#include "afterglow/viewer/conversation_view.h"

#include <cstdio>

#include "afterglow/model/tree.h"
#include "afterglow/viewer/text_style.h"

namespace afterglow::viewer {
namespace {

using model::Conversation;
using model::Message;
using model::MessageKind;
using model::Tree;

bool shown(const Message& m, const ShowOptions& options) { return options.all || !m.hidden; }

std::string speaker(const Conversation& c, const Message& m) {
  if (m.role == "user") return "You";
  if (m.role == "assistant") return c.source == "chatgpt" ? "ChatGPT" : "Assistant";
  if (m.role == "tool") return "Tool" + (m.author_name.empty() ? "" : " " + m.author_name);
  return m.role.empty() ? "Unknown" : m.role;
}

// A short tag for messages that are not plain dialogue, e.g. "tool call → python".
std::string kind_tag(const Message& m) {
  switch (m.kind) {
    case MessageKind::normal:
      return "";
    case MessageKind::tool_call:
      return "tool call → " + m.recipient;
    case MessageKind::tool_result:
      return "tool output";
    case MessageKind::custom_instructions:
      return "custom instructions";
    default:
      return model::to_string(m.kind);
  }
}

std::string duration_text(double seconds) {
  char buf[32];
  int s = static_cast<int>(seconds + 0.5);
  std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60);
  return buf;
}

void render_attachment(std::ostream& out, const model::Attachment& a, const Style& style) {
  std::string label = model::to_string(a.kind);
  if (a.kind == model::AttachmentKind::audio) label = "voice";
  std::string name = a.name.empty() ? a.file_id : a.name;
  out << "  " << style.accent("[" + label + (a.available() ? "" : " unavailable") + "]") << " "
      << name;
  std::string details = a.mime;
  if (a.size >= 0) details += (details.empty() ? "" : ", ") + human_size(a.size);
  if (a.duration > 0) details += (details.empty() ? "" : ", ") + duration_text(a.duration);
  if (a.width > 0 && a.height > 0) {
    details +=
        (details.empty() ? "" : ", ") + std::to_string(a.width) + "×" + std::to_string(a.height);
  }
  if (!details.empty()) out << " (" << details << ")";
  out << "\n";
}

void render_message(std::ostream& out, const Conversation& c, const Tree& tree, size_t index,
                    const Style& style) {
  const Message& m = *c.nodes[index].message;
  out << style.bold("── " + speaker(c, m));
  if (m.role == "assistant" && !m.model.empty()) out << style.dim(" · " + m.model);
  out << style.dim(" · " + local_datetime(m.create_time));
  if (auto versions = tree.versions(index); versions.size() > 1) {
    size_t position = 1;
    for (size_t i = 0; i < versions.size(); ++i) {
      if (versions[i] == index) position = i + 1;
    }
    out << "  "
        << style.accent("‹ " + std::to_string(position) + " / " + std::to_string(versions.size()) +
                        " ›");
  }
  if (std::string tag = kind_tag(m); !tag.empty() || m.hidden) {
    out << "  " << style.dim("[" + (tag.empty() ? "hidden" : tag) + "]");
  }
  out << "\n";
  if (!m.text.empty()) {
    if (!m.language.empty() || m.content_type == "code") {
      out << "```" << m.language << "\n" << m.text << "\n```\n";
    } else {
      out << m.text << "\n";
    }
  }
  for (const auto& a : m.attachments) render_attachment(out, a, style);
  for (const auto& cite : m.citations) {
    std::string line = "[";
    line += std::to_string(cite.number);
    line += "] ";
    line += cite.title;
    line += " ";
    line += cite.url;
    out << "  " << style.dim(line) << "\n";
  }
  out << "\n";
}

nlohmann::json time_json(const model::Timestamp& t) {
  return t ? nlohmann::json(*t) : nlohmann::json(nullptr);
}

nlohmann::json message_json(const Conversation& c, const Tree& tree, size_t index) {
  const auto& node = c.nodes[index];
  const Message& m = *node.message;
  auto attachments = nlohmann::json::array();
  for (const auto& a : m.attachments) {
    attachments.push_back({{"kind", model::to_string(a.kind)},
                           {"name", a.name.empty() ? a.file_id : a.name},
                           {"pointer", a.pointer},
                           {"mime", a.mime},
                           {"size", a.size},
                           {"available", a.available()},
                           {"sha256", a.sha256}});
  }
  auto citations = nlohmann::json::array();
  for (const auto& cite : m.citations) {
    citations.push_back({{"number", cite.number}, {"title", cite.title}, {"url", cite.url}});
  }
  auto version_ids = nlohmann::json::array();
  size_t position = 1;
  auto versions = tree.versions(index);
  for (size_t i = 0; i < versions.size(); ++i) {
    version_ids.push_back(c.nodes[versions[i]].id);
    if (versions[i] == index) position = i + 1;
  }
  return {{"id", node.id},
          {"parent", node.parent},
          {"role", m.role},
          {"author", m.author_name},
          {"recipient", m.recipient},
          {"create_time", time_json(m.create_time)},
          {"model", m.model},
          {"content_type", m.content_type},
          {"kind", model::to_string(m.kind)},
          {"hidden", m.hidden},
          {"on_thread", tree.on_thread(index)},
          {"voice", m.is_voice},
          {"language", m.language},
          {"text", m.text},
          {"attachments", attachments},
          {"citations", citations},
          {"versions", {{"ids", version_ids}, {"position", position}, {"count", versions.size()}}}};
}

// Nodes off the displayed thread whose parent is on it: where an alternate version starts.
std::vector<size_t> branch_starts(const Conversation& c, const Tree& tree) {
  std::vector<size_t> starts;
  for (size_t i : tree.thread()) {
    for (size_t child : tree.children(i)) {
      if (!tree.on_thread(child) && c.nodes[child].message) starts.push_back(child);
    }
  }
  return starts;
}

}  // namespace

void render_conversation_text(std::ostream& out, const store::StoredConversation& stored,
                              const ShowOptions& options) {
  const Conversation& c = stored.conversation;
  Style style{options.color};
  Tree tree(c);
  out << style.bold(c.title.empty() ? "(untitled)" : c.title) << "\n";
  out << style.dim(local_datetime(c.create_time) + " · " + (c.model.empty() ? "-" : c.model) +
                   " · " + c.id);
  if (stored.gone_upstream) out << style.dim(" · gone upstream (kept here)");
  out << "\n\n";
  for (size_t i : tree.thread()) {
    const auto& node = c.nodes[i];
    if (node.message && shown(*node.message, options)) render_message(out, c, tree, i, style);
  }
  if (!options.all) return;
  for (size_t start : branch_starts(c, tree)) {
    out << style.accent("════ Alternate version, from " + c.nodes[start].id + " ════") << "\n\n";
    for (size_t i : tree.path_through(start)) {
      if (c.nodes[i].message) render_message(out, c, tree, i, style);
    }
  }
}

nlohmann::json conversation_json(const store::StoredConversation& stored,
                                 const ShowOptions& options) {
  const Conversation& c = stored.conversation;
  Tree tree(c);
  auto messages = nlohmann::json::array();
  for (size_t i : tree.thread()) {
    const auto& node = c.nodes[i];
    if (node.message && shown(*node.message, options)) messages.push_back(message_json(c, tree, i));
  }
  nlohmann::json out = {{"id", c.id},
                        {"title", c.title},
                        {"create_time", time_json(c.create_time)},
                        {"update_time", time_json(c.update_time)},
                        {"model", c.model},
                        {"source", c.source},
                        {"account", stored.account},
                        {"current_node", tree.leaf()},
                        {"gone_upstream", stored.gone_upstream},
                        {"messages", messages}};
  if (options.all) {
    auto branches = nlohmann::json::array();
    for (size_t start : branch_starts(c, tree)) {
      auto path = nlohmann::json::array();
      for (size_t i : tree.path_through(start)) {
        if (c.nodes[i].message) path.push_back(message_json(c, tree, i));
      }
      branches.push_back({{"from", c.nodes[start].id}, {"messages", path}});
    }
    out["branches"] = branches;
  }
  return out;
}

}  // namespace afterglow::viewer
