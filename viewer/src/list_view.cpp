#include "afterglow/viewer/list_view.h"

#include "afterglow/i18n/translate.h"
#include "afterglow/text/title.h"
#include "afterglow/viewer/project_names.h"
#include "afterglow/viewer/terminal_text.h"
#include "afterglow/viewer/text_style.h"

namespace afterglow::viewer {
namespace {

using i18n::_;

nlohmann::json optional_time(const model::Timestamp& t) {
  return t ? nlohmann::json(*t) : nlohmann::json(nullptr);
}

}  // namespace

std::string display_title(const store::ConversationSummary& summary) {
  std::string title = text::display_title(summary.title, summary.first_user_text);
  return title.empty() ? "(untitled)" : title;
}

void render_list_text(std::ostream& out, const std::vector<store::ConversationSummary>& list,
                      bool color) {
  Style style{color};
  for (const auto& c : list) {
    std::string model = c.model.empty() ? "-" : c.model;
    // The JSON keeps "(untitled)" in English; a person reads it in their language.
    std::string title = text::display_title(c.title, c.first_user_text);
    if (title.empty()) title = _("(untitled)");
    const auto messages = static_cast<int64_t>(c.messages);
    out << style.dim(local_datetime(c.create_time)) << "  " << terminal_text(model) << "  "
        << i18n::format(i18n::plural("{0} message", "{0} messages", messages), messages) << "  "
        << style.bold(title);
    if (!c.gizmo_id.empty()) {
      out << style.dim("  [" + terminal_text(project_label(c.gizmo_id, c.project_name)) + "]");
    }
    if (c.gone_upstream) out << style.dim(_("  [gone upstream]"));
    out << "  " << style.dim(c.id) << "\n";
  }
}

nlohmann::json list_json(const std::vector<store::ConversationSummary>& list) {
  auto array = nlohmann::json::array();
  for (const auto& c : list) {
    array.push_back({
        {"id", c.id},
        {"title", display_title(c)},
        {"untitled", c.title.empty()},
        {"create_time", optional_time(c.create_time)},
        {"update_time", optional_time(c.update_time)},
        {"model", c.model},
        {"messages", c.messages},
        {"source", c.source},
        {"account", c.account},
        {"gone_upstream", c.gone_upstream},
        {"project", project_json(c.gizmo_id, c.project_name)},
    });
  }
  return array;
}

}  // namespace afterglow::viewer
