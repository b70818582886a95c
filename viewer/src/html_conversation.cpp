#include "afterglow/viewer/html_conversation.h"

#include <cstdio>
#include <unordered_set>
#include <vector>

#include "afterglow/indexer/query.h"
#include "afterglow/model/memory_record.h"
#include "afterglow/model/tree.h"
#include "afterglow/text/title.h"
#include "afterglow/viewer/html_escape.h"
#include "afterglow/viewer/html_markdown.h"
#include "afterglow/viewer/text_style.h"
#include "canvas_blocks.h"

namespace afterglow::viewer {
namespace {

using model::Attachment;
using model::AttachmentKind;
using model::Conversation;
using model::Message;
using model::MessageKind;

struct Switch {
  size_t position = 1;  // 1-based
  size_t count = 1;
};

const char* kind_icon(AttachmentKind kind) {
  switch (kind) {
    case AttachmentKind::image:
      return "🖼";
    case AttachmentKind::audio:
      return "🎙";
    case AttachmentKind::video:
      return "🎞";
    case AttachmentKind::file:
      return "📎";
  }
  return "📎";
}

std::string duration_text(double seconds) {
  char buf[32];
  int s = static_cast<int>(seconds + 0.5);
  std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60);
  return buf;
}

// Messages of these kinds are shown folded, under a label, when hidden ones are included.
bool folded(const Message& m) {
  return m.kind != MessageKind::normal && m.kind != MessageKind::image_generation;
}

class Renderer {
 public:
  Renderer(const Conversation& c, const ConversationHtmlOptions& options)
      : c_(c), options_(options), tree_(c) {}

  ConversationHtml render() {
    ConversationHtml result;
    for (size_t i : tree_.thread()) {
      if (shown(i)) ++result.messages_on_thread;
    }
    std::string& out = out_;
    out += "<article class=\"conversation\"";
    if (!options_.anchor_id.empty()) {
      out += " id=\"";
      append_escaped(out, options_.anchor_id);
      out += "\"";
    }
    out += " lang=\"";
    out += lang_code(options_.lang);  // the interface's; messages carry no language tag
    out += "\">\n<header class=\"conversation-head\">\n<h1>";
    append_escaped(out, conversation_title(c_, options_.lang));
    out += "</h1>\n<p class=\"meta\">";
    if (c_.create_time) {
      out += "<time datetime=\"" + iso_utc(*c_.create_time) + "\">";
      LocalParts p = local_parts(*c_.create_time);
      append_escaped(out, format_day(options_.lang, p) + " " + format_clock(p));
      out += "</time> · ";
    }
    if (!c_.model.empty()) {
      out += "<span class=\"model\">";
      append_escaped(out, c_.model);
      out += "</span> · ";
    }
    if (!c_.gizmo_id.empty()) {
      const std::string& name = options_.project_name.empty() ? c_.gizmo_id : options_.project_name;
      out += "<span class=\"project\">";
      append_escaped(out,
                     tr(options_.lang,
                        model::gizmo_kind(c_.gizmo_id) == "gpt" ? Text::with_gpt : Text::in_project,
                        {{"name", name}}));
      out += "</span> · ";
    }
    append_escaped(out, result.messages_on_thread == 1
                            ? tr(options_.lang, Text::one_message)
                            : tr(options_.lang, Text::messages,
                                 {{"n", group_thousands(result.messages_on_thread)}}));
    out += "</p>\n";
    if (options_.gone_upstream) {
      out += "<p class=\"note\">";
      append_escaped(out, tr(options_.lang, Text::gone_upstream));
      out += "</p>\n";
    }
    out += "</header>\n";
    render_sequence(tree_.thread(), 0, std::nullopt, true);
    out += "</article>\n";
    result.html = std::move(out_);
    result.has_math = has_math_;
    result.shown = std::move(shown_);
    return result;
  }

 private:
  bool shown(size_t i) const {
    const auto& node = c_.nodes[i];
    if (!node.message) return false;
    return options_.include_hidden || !node.message->hidden;
  }

  std::vector<size_t> shown_versions(size_t i) const {
    std::vector<size_t> out;
    for (size_t v : tree_.versions(i)) {
      if (shown(v)) out.push_back(v);
    }
    return out;
  }

  // Renders `seq` from `from` on. At a turn with several versions, every version is rendered in
  // place (only the displayed one visible) and each carries the rest of its own path, so the
  // switcher needs no server: every node of the tree is rendered exactly once.
  void render_sequence(const std::vector<size_t>& seq, size_t from, std::optional<Switch> head,
                       bool on_thread) {
    for (size_t k = from; k < seq.size(); ++k) {
      size_t i = seq[k];
      if (!shown(i) || !rendered_.insert(i).second) {
        if (k == from) head.reset();
        continue;
      }
      if (k == from && head) {
        render_message(i, head, on_thread);
        continue;
      }
      auto versions = shown_versions(i);
      if (versions.size() > 1) {
        rendered_.erase(i);
        render_versions(seq, k, versions, on_thread);
        return;
      }
      render_message(i, std::nullopt, on_thread);
    }
  }

  void render_versions(const std::vector<size_t>& seq, size_t k,
                       const std::vector<size_t>& versions, bool on_thread) {
    const size_t current = seq[k];
    const std::optional<std::string> day_before = last_day_;
    out_ += "<div class=\"versions\">\n";
    for (size_t j = 0; j < versions.size(); ++j) {
      size_t v = versions[j];
      last_day_ = day_before;
      out_ += "<div class=\"version\" data-version=\"" + std::to_string(j + 1) + "\"";
      if (v != current) out_ += " hidden";
      out_ += ">\n";
      Switch sw{j + 1, versions.size()};
      if (v == current) {
        render_sequence(seq, k, sw, on_thread);
      } else {
        render_sequence(tree_.path_through(v), 0, sw, false);
      }
      out_ += "</div>\n";
    }
    out_ += "</div>\n";
  }

  std::string speaker(const Message& m) const { return speaker_label(m, c_.source, options_.lang); }

  std::string kind_label(const Message& m) const { return message_kind_label(m, options_.lang); }

  void render_switch(const Switch& sw) {
    std::string pos = std::to_string(sw.position) + " / " + std::to_string(sw.count);
    out_ += "<span class=\"switch\"><button type=\"button\" class=\"prev\" aria-label=\"";
    append_escaped(out_, tr(options_.lang, Text::previous_version));
    out_ += "\"";
    if (sw.position == 1) out_ += " disabled";
    out_ += ">‹</button><span class=\"pos\" title=\"";
    append_escaped(out_, tr(options_.lang, Text::version_of,
                            {{"k", std::to_string(sw.position)}, {"n", std::to_string(sw.count)}}));
    out_ += "\">" + pos + "</span><button type=\"button\" class=\"next\" aria-label=\"";
    append_escaped(out_, tr(options_.lang, Text::next_version));
    out_ += "\"";
    if (sw.position == sw.count) out_ += " disabled";
    out_ += ">›</button></span>";
  }

  // The body, remembered with the message's digest when the caller asked for them.
  void render_shown_body(size_t i, const Message& m) {
    const size_t start = out_.size();
    render_body(m);
    if (options_.message_digests) {
      shown_.push_back({c_.nodes[i].id, text_sha256(m.text), out_.substr(start)});
    }
  }

  void render_body(const Message& m) {
    if (m.text.empty()) return;
    if (m.unknown_content) {
      out_ += "<pre class=\"raw\"><code>";
      append_escaped(out_, m.text);
      out_ += "</code></pre>\n";
    } else if (m.content_type == "code" || !m.language.empty()) {
      out_ += "<pre";
      if (!m.language.empty() && m.language != "unknown") {
        out_ += " lang=\"";
        append_escaped(out_, m.language);
        out_ += "\"";
      }
      out_ += "><code>";
      append_escaped(out_, m.text);
      out_ += "</code></pre>\n";
    } else if (m.role == "assistant" && m.kind != MessageKind::tool_call) {
      for (const auto& block : split_canvas_blocks(m.text)) render_block(block);
    } else {
      // People's own words, tool output and system text are shown exactly as written.
      out_ += plain_text_html(m.text);
      out_ += "\n";
    }
  }

  // Ordinary answer text as Markdown; an inline Canvas document as a document of its own.
  void render_block(const TextBlock& block) {
    MarkdownHtml md = markdown_to_html(block.body);
    has_math_ = has_math_ || md.has_math;
    if (!block.document) {
      out_ += "<div class=\"markdown\">";
      out_ += md.html;
      out_ += "</div>\n";
      return;
    }
    const Text label = block.variant == "email"         ? Text::canvas_email
                       : block.variant == "social_post" ? Text::canvas_social_post
                                                        : Text::canvas_document;
    out_ += "<section class=\"canvas-doc\" data-variant=\"";
    append_escaped(out_, block.variant);
    out_ += "\"><header><span class=\"icon\" aria-hidden=\"true\">📄</span> ";
    append_escaped(out_, tr(options_.lang, label));
    if (!block.subject.empty()) {
      out_ += " · <span class=\"subject\">";
      append_escaped(out_, block.subject);
      out_ += "</span>";
    }
    out_ += "</header><div class=\"markdown\">";
    out_ += md.html;
    out_ += "</div></section>\n";
  }

  void render_attachment(const Attachment& a) {
    std::string name = a.name.empty() ? a.file_id : a.name;
    if (name.empty()) name = a.pointer;
    std::optional<std::string> url;
    if (a.available() && options_.attachment_url) url = options_.attachment_url(a);
    if (!url) {
      out_ += "<p class=\"missing\"><span class=\"icon\" aria-hidden=\"true\">";
      out_ += kind_icon(a.kind);
      out_ += "</span> ";
      append_escaped(out_, tr(options_.lang, Text::unavailable_file, {{"name", name}}));
      out_ += "</p>\n";
      return;
    }
    switch (a.kind) {
      case AttachmentKind::image:
        out_ += "<figure class=\"image\"><img src=\"";
        append_escaped(out_, *url);
        out_ += "\" alt=\"";
        append_escaped(out_, name);
        out_ += "\"";
        if (a.width > 0 && a.height > 0) {
          out_ += " width=\"" + std::to_string(a.width) + "\" height=\"" +
                  std::to_string(a.height) + "\"";
        }
        out_ += "></figure>\n";
        break;
      case AttachmentKind::audio:
        out_ += "<figure class=\"audio\"><audio controls preload=\"metadata\" src=\"";
        append_escaped(out_, *url);
        out_ += "\"></audio>";
        if (a.duration > 0) out_ += "<figcaption>" + duration_text(a.duration) + "</figcaption>";
        out_ += "</figure>\n";
        break;
      case AttachmentKind::video:
        out_ += "<figure class=\"video\"><video controls preload=\"metadata\" src=\"";
        append_escaped(out_, *url);
        out_ += "\"></video></figure>\n";
        break;
      case AttachmentKind::file:
        out_ += "<p class=\"file\"><a href=\"";
        append_escaped(out_, *url);
        out_ += "\" download=\"";
        append_escaped(out_, name);
        out_ += "\">📎 ";
        append_escaped(out_, name);
        out_ += "</a>";
        if (a.size >= 0) {
          out_ += " <span class=\"size\">";
          append_escaped(out_, human_size(a.size));
          out_ += "</span>";
        }
        out_ += "</p>\n";
        break;
    }
  }

  void render_citations(const Message& m) {
    if (m.citations.empty()) return;
    out_ += "<aside class=\"sources\"><h4>";
    append_escaped(out_, tr(options_.lang, Text::sources));
    out_ += "</h4><ol>";
    for (const auto& cite : m.citations) {
      out_ += "<li value=\"" + std::to_string(cite.number) + "\">";
      std::string label = cite.title.empty() ? cite.url : cite.title;
      if (is_safe_link(cite.url)) {
        out_ += "<a href=\"";
        append_escaped(out_, cite.url);
        out_ += "\" rel=\"noreferrer\">";
        append_escaped(out_, label);
        out_ += "</a>";
      } else {
        append_escaped(out_, label);
        if (!cite.url.empty() && cite.url != label) {
          out_ += " <span class=\"url\">";
          append_escaped(out_, cite.url);
          out_ += "</span>";
        }
      }
      out_ += "</li>";
    }
    out_ += "</ol></aside>\n";
  }

  void render_message(size_t i, const std::optional<Switch>& sw, bool on_thread) {
    const Message& m = *c_.nodes[i].message;
    if (options_.on_message) options_.on_message(m, on_thread);
    if (m.create_time) {
      LocalParts p = local_parts(*m.create_time);
      std::string day = format_day(options_.lang, p);
      if (day != last_day_) {
        out_ += "<p class=\"day\">";
        append_escaped(out_, day);
        out_ += "</p>\n";
        last_day_ = day;
      }
    }
    std::string role = m.role == "user" || m.role == "assistant" ? m.role : "other";
    // Newer exports name the model only once, for the whole conversation.
    const std::string& model = m.model.empty() ? c_.model : m.model;
    // A book or page about one model marks, and keeps, what another model answered.
    const bool other_model = m.role == "assistant" && !model.empty() &&
                             !indexer::is_featured_model(options_.featured_models, model);
    out_ += "<section class=\"msg " + role;
    if (other_model) out_ += " other-model";
    if (m.hidden) out_ += " hidden-kind";
    if (m.is_voice) out_ += " voice";
    if (options_.message_digests) {
      out_ += "\" data-node=\"";
      append_escaped(out_, c_.nodes[i].id);
      out_ += "\" data-sha256=\"" + text_sha256(m.text);
    }
    // The message's own language, so that punctuation and fallback fonts follow the words, not
    // the book's interface.
    LanguageGuess guess;
    guess.add(m.text);
    out_ += "\" lang=\"";
    out_ += lang_code(m.text.empty() ? options_.lang : guess.result());
    out_ += "\">\n<div class=\"who\"><span class=\"name\">";
    append_escaped(out_, speaker(m));
    out_ += "</span>";
    if (m.is_voice) {
      out_ += " <span class=\"tag\">🎙 ";
      append_escaped(out_, tr(options_.lang, Text::voice));
      out_ += "</span>";
    }
    if (m.role == "assistant" && !model.empty()) {
      out_ += " <span class=\"model\">";
      append_escaped(out_, model);
      out_ += "</span>";
    }
    if (other_model) {
      out_ += " <span class=\"tag other-model-note\">";
      append_escaped(out_, tr(options_.lang, Text::other_model_answered));
      out_ += "</span>";
    }
    if (m.create_time) {
      out_ += " <time datetime=\"" + iso_utc(*m.create_time) + "\">" +
              format_clock(local_parts(*m.create_time)) + "</time>";
    }
    if (m.feedback == "up" || m.feedback == "down") {
      const bool up = m.feedback == "up";
      out_ += " <span class=\"feedback\" title=\"";
      append_escaped(out_, tr(options_.lang, up ? Text::rated_up : Text::rated_down));
      out_ += up ? "\">👍</span>" : "\">👎</span>";
    }
    if (sw) render_switch(*sw);
    out_ += "</div>\n";
    if (folded(m)) {
      out_ += "<details class=\"folded\"><summary>";
      append_escaped(out_, kind_label(m));
      out_ += "</summary>\n";
      render_shown_body(i, m);
      out_ += "</details>\n";
    } else {
      render_shown_body(i, m);
    }
    for (const auto& a : m.attachments) render_attachment(a);
    render_citations(m);
    out_ += "</section>\n";
  }

  const Conversation& c_;
  const ConversationHtmlOptions& options_;
  model::Tree tree_;
  std::string out_;
  std::optional<std::string> last_day_;
  std::unordered_set<size_t> rendered_;
  bool has_math_ = false;
  std::vector<ShownMessage> shown_;
};

}  // namespace

std::string assistant_name(const std::string& source, Lang lang) {
  if (source == "chatgpt") return "ChatGPT";
  if (source == "claude") return "Claude";
  if (source == "gemini") return "Gemini";
  if (source == "grok") return "Grok";
  return tr(lang, Text::assistant);
}

std::string speaker_label(const Message& m, const std::string& source, Lang lang) {
  // A file's text that came with the person's message (Claude's attachments) names the file.
  if (m.role == "user" && m.content_type == "attachment" && !m.author_name.empty()) {
    return tr(lang, Text::you) + " · " + m.author_name;
  }
  if (m.role == "user") return tr(lang, Text::you);
  if (m.role == "assistant") return assistant_name(source, lang);
  if (m.role == "tool") {
    return tr(lang, Text::tool) + (m.author_name.empty() ? "" : " · " + m.author_name);
  }
  return m.role.empty() ? "?" : m.role;
}

std::string message_kind_label(const Message& m, Lang lang) {
  switch (m.kind) {
    case MessageKind::reasoning:
      return tr(lang, Text::reasoning);
    case MessageKind::tool_call:
      return tr(lang, Text::tool_call) + (m.recipient.empty() ? "" : " → " + m.recipient);
    case MessageKind::tool_result:
      return tr(lang, Text::tool_output) + (m.author_name.empty() ? "" : " · " + m.author_name);
    case MessageKind::custom_instructions:
      return tr(lang, Text::custom_instructions);
    case MessageKind::memory:
      return tr(lang, Text::memory_note);
    default:
      return tr(lang, Text::hidden_message) + " · " + model::to_string(m.kind);
  }
}

std::string conversation_title(const Conversation& c, Lang lang) {
  if (!c.title.empty()) return c.title;
  model::Tree tree(c);
  for (size_t i : tree.thread()) {
    const auto& node = c.nodes[i];
    if (node.message && node.message->role == "user" && !node.message->hidden &&
        !node.message->text.empty()) {
      return text::display_title("", node.message->text);
    }
  }
  return tr(lang, Text::untitled);
}

ConversationHtml render_conversation_html(const Conversation& conversation,
                                          const ConversationHtmlOptions& options) {
  return Renderer(conversation, options).render();
}

}  // namespace afterglow::viewer
