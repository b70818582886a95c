// How `list` and `show` name the ChatGPT project or custom GPT a conversation belongs to.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace afterglow::viewer {

// "Project: <name>" or "GPT: <name>" in the reader's language; the id when no export named it.
std::string project_label(const std::string& gizmo_id, const std::string& name);

// {"id", "kind" ("chatgpt_project" | "gpt"), "name" (null when unnamed)}, or null without a
// gizmo id. The same in every language.
nlohmann::json project_json(const std::string& gizmo_id, const std::string& name);

}  // namespace afterglow::viewer
