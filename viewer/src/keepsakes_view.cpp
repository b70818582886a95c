#include "afterglow/viewer/keepsakes_view.h"

#include <string_view>

#include "afterglow/i18n/translate.h"
#include "afterglow/text/cut.h"
#include "afterglow/viewer/text_style.h"

namespace afterglow::viewer {
namespace {

using i18n::_;
using i18n::plural;

nlohmann::json optional_time(const model::Timestamp& t) {
  return t ? nlohmann::json(*t) : nlohmann::json(nullptr);
}

std::string title_or_untitled(const std::string& title) {
  return title.empty() ? _("(untitled)") : title;
}

// Every line of `text` indented by four spaces, so that a note reads as one block under its head.
void indented(std::ostream& out, std::string_view text) {
  while (!text.empty()) {
    const size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    out << "    " << line << "\n";
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
}

void heading(std::ostream& out, const Style& style, const std::string& words) {
  out << style.bold(words) << "\n";
}

}  // namespace

void render_keepsakes_text(std::ostream& out, const store::Keepsakes& k, bool color) {
  Style style{color};
  if (k.stars.empty() && k.notes.empty() && k.letters.empty() && k.resting.empty()) {
    out << _("Nothing kept yet: star a message (afterglow star NODE), write a note (afterglow "
             "note TARGET TEXT) or a letter (afterglow letter --title TITLE TEXT).")
        << "\n";
    return;
  }
  bool first = true;
  auto section = [&](const std::string& words) {
    if (!first) out << "\n";
    first = false;
    heading(out, style, words);
  };
  if (!k.stars.empty()) {
    const auto n = static_cast<int64_t>(k.stars.size());
    section(i18n::format(plural("{0} starred message", "{0} starred messages", n), n));
    for (const auto& s : k.stars) {
      out << "  " << style.dim(local_datetime(s.message_time)) << "  "
          << style.bold(title_or_untitled(s.conversation_title)) << "  " << style.accent(s.role)
          << "  " << style.dim(s.message.node_id) << "\n";
      if (!s.excerpt.empty()) out << "    " << s.excerpt << "\n";
    }
  }
  if (!k.notes.empty()) {
    const auto n = static_cast<int64_t>(k.notes.size());
    section(i18n::format(plural("{0} note", "{0} notes", n), n));
    for (const auto& n : k.notes) {
      out << "  " << style.bold(title_or_untitled(n.conversation_title)) << "  ";
      out << style.dim(n.target.node_id.empty()
                           ? i18n::format(_("on the conversation {0}"), n.target.conversation_id)
                           : i18n::format(_("on the message {0}"), n.target.node_id))
          << "\n";
      indented(out, n.text);
    }
  }
  if (!k.letters.empty()) {
    const auto n = static_cast<int64_t>(k.letters.size());
    section(i18n::format(plural("{0} letter", "{0} letters", n), n));
    for (const auto& l : k.letters) {
      out << "  " << style.dim(l.date) << "  " << style.bold(l.title) << "  "
          << style.dim(i18n::format(_("letter {0}"), l.id)) << "\n";
      out << "    " << text::first_line(l.text, 80) << "\n";
    }
  }
  if (!k.resting.empty()) {
    const auto n = static_cast<int64_t>(k.resting.size());
    section(i18n::format(plural("{0} conversation at rest", "{0} conversations at rest", n), n));
    for (const auto& r : k.resting) {
      out << "  " << style.dim(local_datetime(r.create_time)) << "  "
          << style.bold(title_or_untitled(r.title)) << "  " << style.dim(r.conversation_id) << "\n";
    }
  }
}

nlohmann::json keepsakes_json(const store::Keepsakes& k) {
  auto stars = nlohmann::json::array();
  for (const auto& s : k.stars) {
    stars.push_back({{"conversation", s.message.conversation_id},
                     {"node", s.message.node_id},
                     {"title", s.conversation_title},
                     {"role", s.role},
                     {"create_time", optional_time(s.message_time)},
                     {"excerpt", s.excerpt},
                     {"starred_at", s.starred_at}});
  }
  auto notes = nlohmann::json::array();
  for (const auto& n : k.notes) {
    notes.push_back({{"conversation", n.target.conversation_id},
                     {"node", n.target.node_id.empty() ? nlohmann::json(nullptr)
                                                       : nlohmann::json(n.target.node_id)},
                     {"title", n.conversation_title},
                     {"text", n.text},
                     {"created_at", n.created_at},
                     {"updated_at", n.updated_at}});
  }
  auto letters = nlohmann::json::array();
  for (const auto& l : k.letters) {
    letters.push_back({{"id", l.id},
                       {"title", l.title},
                       {"date", l.date},
                       {"text", l.text},
                       {"created_at", l.created_at},
                       {"updated_at", l.updated_at}});
  }
  auto resting = nlohmann::json::array();
  for (const auto& r : k.resting) {
    resting.push_back({{"conversation", r.conversation_id},
                       {"title", r.title},
                       {"create_time", optional_time(r.create_time)},
                       {"rested_at", r.rested_at}});
  }
  return {{"stars", stars}, {"notes", notes}, {"letters", letters}, {"resting", resting}};
}

}  // namespace afterglow::viewer
