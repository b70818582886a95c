#include "afterglow/exporter/markdown.h"

#include <algorithm>
#include <map>
#include <regex>

#include "afterglow/model/local_time.h"
#include "afterglow/model/tree.h"
#include "afterglow/viewer/html_conversation.h"
#include "afterglow/viewer/html_escape.h"

namespace afterglow::exporter {
namespace {

using model::Message;
using model::MessageKind;
using viewer::Text;
using viewer::tr;

std::string local_time(const model::Timestamp& t) {
  return t ? model::format_local(*t, "%Y-%m-%d %H:%M") : std::string();
}

// A fence longer than any run of backticks inside the code, so the code cannot close it.
std::string fence_for(const std::string& code) {
  size_t longest = 0, run = 0;
  for (char ch : code) {
    run = ch == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<size_t>(3, longest + 1), '`');
}

class MarkdownWriter {
 public:
  MarkdownWriter(const store::StoredConversation& stored, const MarkdownOptions& options)
      : c_(stored.conversation), options_(options), tree_(c_) {}

  MarkdownDocument write() {
    out_ += "# " + inline_text(viewer::conversation_title(c_, options_.lang)) + "\n\n";
    std::string line;
    auto add = [&](const std::string& part) {
      if (part.empty()) return;
      line += (line.empty() ? "" : " · ") + part;
    };
    add(local_time(c_.create_time));
    add(c_.model);
    add(viewer::assistant_name(c_.source, options_.lang));
    out_ += line + "\n\n";
    for (size_t i : tree_.thread()) {
      const auto& node = c_.nodes[i];
      if (!node.message || !shown(*node.message)) continue;
      turn(*node.message, 2);
      if (!node.message->hidden) ++document_.messages;
      alternate_versions(i);
    }
    document_.text = std::move(out_);
    return document_;
  }

 private:
  bool shown(const Message& m) const {
    if (!m.hidden) return true;
    if (!options_.include_hidden) return false;
    return !m.text.empty() || !m.attachments.empty();  // empty internal nodes say nothing
  }

  // Text for a heading or a summary line: one line, with Markdown's own characters escaped.
  static std::string inline_text(const std::string& text) {
    std::string out;
    for (char ch : text) {
      if (ch == '\n' || ch == '\r') {
        out += ' ';
        continue;
      }
      if (std::string_view("\\`*_[]<>#|~").find(ch) != std::string_view::npos) out += '\\';
      out += ch;
    }
    return out;
  }

  std::string role_label(const Message& m) const {
    return viewer::speaker_label(m, c_.source, options_.lang);
  }

  std::string kind_label(const Message& m) const {
    return viewer::message_kind_label(m, options_.lang);
  }

  std::string heading(const Message& m) const {
    std::string h = role_label(m);
    if (m.role == "assistant" && !m.model.empty()) h += " · " + m.model;
    if (auto t = local_time(m.create_time); !t.empty()) h += " · " + t;
    return inline_text(h);
  }

  // The message's own Markdown with its citation links "[[n]](url)" turned into footnotes,
  // numbered through the whole document so that two messages' "1" stay apart.
  std::string body_with_footnotes(const Message& m, std::string& definitions) {
    if (m.citations.empty()) return m.text;
    // The URL may hold one level of parentheses, as Wikipedia's do: …/Foundation_(novel).
    static const std::regex cite(R"(\[\[(\d+)\]\]\((?:[^()\s]|\([^()\s]*\))*\))");
    std::map<int, int> labels;  // the message's number -> the document's
    auto label_of = [&](int number) {
      auto [it, added] = labels.emplace(number, next_footnote_);
      if (added) ++next_footnote_;
      return it->second;
    };
    std::string out;
    auto begin = std::sregex_iterator(m.text.begin(), m.text.end(), cite);
    size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
      out.append(m.text, last, static_cast<size_t>(it->position()) - last);
      out += "[^" + std::to_string(label_of(std::stoi((*it)[1].str()))) + "]";
      last = static_cast<size_t>(it->position() + it->length());
    }
    out.append(m.text, last);
    for (const auto& citation : m.citations) {
      auto found = labels.find(citation.number);
      if (found == labels.end()) continue;
      std::string title = citation.title.empty() ? citation.url : citation.title;
      definitions += "[^" + std::to_string(found->second) + "]: ";
      definitions += citation.url.empty() ? inline_text(title)
                                          : "[" + inline_text(title) + "](<" + citation.url + ">)";
      definitions += "\n";
    }
    return out;
  }

  std::string body(const Message& m) {
    std::string definitions;
    std::string text;
    if (m.content_type == "code" || (!m.language.empty() && m.kind == MessageKind::tool_call)) {
      auto fence = fence_for(m.text);
      text = fence + m.language + "\n" + m.text + (m.text.ends_with('\n') ? "" : "\n") + fence;
    } else if (m.unknown_content) {
      auto fence = fence_for(m.text);
      text = fence + "json\n" + m.text + "\n" + fence;
    } else {
      text = body_with_footnotes(m, definitions);
    }
    std::string files;
    for (const auto& a : m.attachments) {
      std::string name = a.name.empty() ? a.file_id : a.name;
      auto link = options_.attachment_link ? options_.attachment_link(a) : std::nullopt;
      if (link) {
        files += *link + "\n\n";
      } else {
        files += "*" + inline_text(tr(options_.lang, Text::unavailable_file, {{"name", name}})) +
                 "*\n\n";
      }
    }
    std::string out = text;
    if (!out.empty()) out += "\n\n";
    out += files;
    if (!definitions.empty()) out += definitions + "\n";
    return out;
  }

  void turn(const Message& m, int level) {
    if (m.hidden) {
      out_ += "<details>\n<summary>" + viewer::html_escape(kind_label(m)) + "</summary>\n\n";
      out_ += body(m);
      out_ += "</details>\n\n";
      return;
    }
    out_ += std::string(static_cast<size_t>(level), '#') + " " + heading(m) + "\n\n";
    out_ += body(m);
  }

  // The other versions of thread node `i` (regenerations, edits), each with what followed it.
  void alternate_versions(size_t i) {
    auto versions = tree_.versions(i);
    if (versions.size() < 2) return;
    const auto n = std::to_string(versions.size());
    for (size_t k = 0; k < versions.size(); ++k) {
      if (versions[k] == i) continue;
      out_ += "<details>\n<summary>" +
              viewer::html_escape(
                  tr(options_.lang, Text::version_of, {{"k", std::to_string(k + 1)}, {"n", n}})) +
              "</summary>\n\n";
      for (size_t j : tree_.path_through(versions[k])) {
        const auto& node = c_.nodes[j];
        if (node.message && shown(*node.message)) turn(*node.message, 4);
      }
      out_ += "</details>\n\n";
    }
  }

  const model::Conversation& c_;
  const MarkdownOptions& options_;
  model::Tree tree_;
  std::string out_;
  MarkdownDocument document_;
  int next_footnote_ = 1;
};

}  // namespace

MarkdownDocument conversation_markdown(const store::StoredConversation& stored,
                                       const MarkdownOptions& options) {
  return MarkdownWriter(stored, options).write();
}

std::string conversation_date(const model::Conversation& c) {
  model::Timestamp t = c.create_time;
  for (size_t i = 0; !t && i < c.nodes.size(); ++i) {
    if (c.nodes[i].message) t = c.nodes[i].message->create_time;
  }
  return t ? model::format_local(*t, "%Y-%m-%d") : "undated";
}

}  // namespace afterglow::exporter
