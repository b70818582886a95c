#include "afterglow/viewer/conversation_view.h"

#include <cstdio>

#include "afterglow/i18n/translate.h"
#include "afterglow/model/tree.h"
#include "afterglow/viewer/html_conversation.h"
#include "afterglow/viewer/project_names.h"
#include "afterglow/viewer/terminal_text.h"
#include "afterglow/viewer/text_style.h"
#include "canvas_blocks.h"

namespace afterglow::viewer {
namespace {

using i18n::_;

using model::Conversation;
using model::Message;
using model::MessageKind;
using model::Tree;

bool shown(const Message& m, const ShowOptions& options) { return options.all || !m.hidden; }

// The text view is read by a person, in their language; the JSON keeps the role as stored.
std::string speaker(const Conversation& c, const Message& m) {
  // A file's text that came with the person's message (Claude's attachments) names the file.
  if (m.role == "user" && m.content_type == "attachment" && !m.author_name.empty()) {
    return std::string(_("You")) + " · " + m.author_name;
  }
  if (m.role == "user") return _("You");
  if (m.role == "assistant") {
    // A service's name is its own in every language.
    if (c.source == "chatgpt" || c.source == "claude" || c.source == "gemini" ||
        c.source == "grok") {
      return assistant_name(c.source, Lang::en);
    }
    return _("Assistant");
  }
  if (m.role == "tool") {
    return m.author_name.empty() ? _("Tool") : i18n::format(_("Tool {0}"), m.author_name);
  }
  return m.role.empty() ? _("Unknown") : m.role;
}

// What a Canvas document is called, by its variant.
std::string canvas_label(const TextBlock& block) {
  std::string label = block.variant == "email"         ? _("Email")
                      : block.variant == "social_post" ? _("Social post")
                                                       : _("Document");
  if (!block.subject.empty()) label += " · " + block.subject;
  return label;
}

// An answer's text with its inline Canvas documents set apart, each between two rules.
void render_text(std::ostream& out, const std::string& text, const Style& style) {
  for (const auto& block : split_canvas_blocks(text)) {
    if (!block.document) {
      out << block.body << "\n";
      continue;
    }
    out << style.accent("┌─ 📄 " + canvas_label(block)) << "\n";
    if (!block.body.empty()) out << block.body << "\n";
    out << style.accent("└─") << "\n";
  }
}

// A short tag for messages that are not plain dialogue, e.g. "tool call → python".
std::string kind_tag(const Message& m) {
  switch (m.kind) {
    case MessageKind::normal:
      return "";
    case MessageKind::tool_call:
      return i18n::format(_("tool call → {0}"), m.recipient);
    case MessageKind::tool_result:
      return _("tool output");
    case MessageKind::custom_instructions:
      return _("custom instructions");
    case MessageKind::system:
      return _("system");
    case MessageKind::memory:
      return _("memory");
    case MessageKind::reasoning:
      return _("reasoning");
    case MessageKind::image_generation:
      // TRANSLATORS: the tag of a message that carries generated images.
      return _("image_generation");
    case MessageKind::canvas:
      return _("canvas");
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

std::string attachment_label(model::AttachmentKind kind) {
  switch (kind) {
    case model::AttachmentKind::image:
      return _("image");
    case model::AttachmentKind::audio:
      return _("voice");
    case model::AttachmentKind::video:
      return _("video");
    default:
      return _("file");
  }
}

void render_attachment(std::ostream& out, const model::Attachment& a, const Style& style) {
  const std::string label = attachment_label(a.kind);
  std::string name = a.name.empty() ? a.file_id : a.name;
  out << "  "
      << style.accent("[" + (a.available() ? label : i18n::format(_("{0} unavailable"), label)) +
                      "]")
      << " " << terminal_text(name);
  std::string details = a.mime;
  if (a.size >= 0) details += (details.empty() ? "" : ", ") + human_size(a.size);
  if (a.duration > 0) details += (details.empty() ? "" : ", ") + duration_text(a.duration);
  if (a.width > 0 && a.height > 0) {
    details +=
        (details.empty() ? "" : ", ") + std::to_string(a.width) + "×" + std::to_string(a.height);
  }
  if (!details.empty()) out << " (" << terminal_text(details) << ")";
  out << "\n";
}

void render_message(std::ostream& out, const Conversation& c, const Tree& tree, size_t index,
                    const Style& style) {
  const Message& m = *c.nodes[index].message;
  out << style.bold("── " + speaker(c, m));
  // Newer exports name the model only once, for the whole conversation.
  const std::string& model = m.model.empty() ? c.model : m.model;
  if (m.role == "assistant" && !model.empty()) out << style.dim(" · " + model);
  out << style.dim(" · " + local_datetime(m.create_time));
  if (m.feedback == "up") out << "  👍";
  if (m.feedback == "down") out << "  👎";
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
    out << "  " << style.dim("[" + (tag.empty() ? _("hidden") : tag) + "]");
  }
  out << "\n";
  if (!m.text.empty()) {
    if (!m.language.empty() || m.content_type == "code") {
      out << "```" << terminal_text(m.language) << "\n" << terminal_text(m.text) << "\n```\n";
    } else if (m.role == "assistant" && has_canvas_blocks(m.text)) {
      render_text(out, m.text, style);
    } else {
      out << terminal_text(m.text) << "\n";
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
  nlohmann::json out = {
      {"id", node.id},
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
  if (!m.feedback.empty()) out["feedback"] = m.feedback;  // "up" | "down", when rated
  return out;
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
  out << style.bold(c.title.empty() ? _("(untitled)") : c.title) << "\n";
  out << style.dim(local_datetime(c.create_time) + " · " + (c.model.empty() ? "-" : c.model) +
                   " · " + c.id);
  if (!c.gizmo_id.empty()) {
    out << style.dim(" · " + terminal_text(project_label(c.gizmo_id, stored.project_name)));
  }
  if (stored.gone_upstream) out << style.dim(_(" · gone upstream (kept here)"));
  out << "\n\n";
  for (size_t i : tree.thread()) {
    const auto& node = c.nodes[i];
    if (node.message && shown(*node.message, options)) render_message(out, c, tree, i, style);
  }
  if (!options.all) return;
  for (size_t start : branch_starts(c, tree)) {
    out << style.accent(i18n::format(_("════ Alternate version, from {0} ════"), c.nodes[start].id))
        << "\n\n";
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
                        {"project", project_json(c.gizmo_id, stored.project_name)},
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
