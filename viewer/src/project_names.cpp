#include "afterglow/viewer/project_names.h"

#include "afterglow/i18n/translate.h"
#include "afterglow/model/memory_record.h"

namespace afterglow::viewer {

std::string project_label(const std::string& gizmo_id, const std::string& name) {
  const std::string& shown = name.empty() ? gizmo_id : name;
  if (model::gizmo_kind(gizmo_id) == "gpt") return i18n::format(i18n::_("GPT: {0}"), shown);
  return i18n::format(i18n::_("Project: {0}"), shown);
}

nlohmann::json project_json(const std::string& gizmo_id, const std::string& name) {
  if (gizmo_id.empty()) return nullptr;
  return {{"id", gizmo_id},
          {"kind", model::gizmo_kind(gizmo_id)},
          {"name", name.empty() ? nlohmann::json(nullptr) : nlohmann::json(name)}};
}

}  // namespace afterglow::viewer
