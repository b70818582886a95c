#include "afterglow/viewer/firsts_view.h"

#include <cstdio>

#include "afterglow/i18n/translate.h"
#include "afterglow/viewer/terminal_text.h"
#include "afterglow/viewer/text_style.h"

namespace afterglow::viewer {
namespace {

using i18n::_;

nlohmann::json optional_time(const model::Timestamp& t) {
  return t ? nlohmann::json(*t) : nlohmann::json(nullptr);
}

std::string month_day(int month, int day) {
  char out[8];
  std::snprintf(out, sizeof out, "%02d-%02d", month, day);
  return out;
}

// One conversation: when it began, its title and ids on one line, the cited message below.
void conversation_lines(std::ostream& out, const Style& style, const store::CitedConversation& c,
                        const std::string& indent) {
  out << indent << style.dim(local_datetime(c.create_time)) << "  "
      << style.bold(c.title.empty() ? _("(untitled)") : c.title) << "  " << style.dim(c.key.id)
      << "\n";
  if (c.node_id.empty()) return;
  out << indent << "  " << style.accent(c.role) << "  " << style.dim(local_datetime(c.message_time))
      << "  " << style.dim(c.node_id) << "\n";
  if (!c.excerpt.empty()) out << indent << "    " << terminal_text(c.excerpt) << "\n";
}

nlohmann::json conversation_json(const store::CitedConversation& c) {
  return {{"conversation", c.key.id},
          {"source", c.key.source},
          {"account", c.key.account},
          {"title", c.title},
          {"create_time", optional_time(c.create_time)},
          {"node", c.node_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.node_id)},
          {"role", c.role},
          {"message_time", optional_time(c.message_time)},
          {"excerpt", c.excerpt}};
}

}  // namespace

void render_firsts_text(std::ostream& out, const store::Firsts& f, bool color) {
  Style style{color};
  if (!f.first) {
    out << _("No conversations yet: import an export first (afterglow import FILE).") << "\n";
    return;
  }
  out << style.bold(_("The first conversation")) << "\n";
  conversation_lines(out, style, *f.first, "  ");
  for (const auto& m : f.retired) {
    // TRANSLATORS: {0} is a model's name, e.g. "GPT-4o"; {1} a date, YYYY-MM-DD.
    out << "\n"
        << style.bold(terminal_text(
               i18n::format(_("The last conversations with {0}, before it was retired on {1}"),
                            m.name, m.retired_on)))
        << "\n";
    for (const auto& c : m.conversations) conversation_lines(out, style, c, "  ");
  }
  out << "\n"
      << style.bold(i18n::format(_("On this day ({0}) in every year"), month_day(f.month, f.day)))
      << "\n";
  if (f.on_this_day.empty()) out << "  " << _("Nothing was said on this day.") << "\n";
  for (const auto& y : f.on_this_day) {
    out << "  " << style.bold(std::to_string(y.year)) << "\n";
    for (const auto& c : y.conversations) conversation_lines(out, style, c, "    ");
  }
}

nlohmann::json firsts_json(const store::Firsts& f) {
  auto retired = nlohmann::json::array();
  for (const auto& m : f.retired) {
    auto conversations = nlohmann::json::array();
    for (const auto& c : m.conversations) conversations.push_back(conversation_json(c));
    retired.push_back({{"source", m.source},
                       {"model", m.name},
                       {"slugs", m.slugs},
                       {"retired_on", m.retired_on},
                       {"last", conversations}});
  }
  auto years = nlohmann::json::array();
  for (const auto& y : f.on_this_day) {
    auto conversations = nlohmann::json::array();
    for (const auto& c : y.conversations) conversations.push_back(conversation_json(c));
    years.push_back({{"year", y.year}, {"conversations", conversations}});
  }
  return {{"first", f.first ? conversation_json(*f.first) : nlohmann::json(nullptr)},
          {"retired", retired},
          {"on_this_day", {{"date", month_day(f.month, f.day)}, {"years", years}}}};
}

}  // namespace afterglow::viewer
