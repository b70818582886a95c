// Conversations written by a test, in the shape of the classic export's conversations.json, for
// what no real export shows on purpose: hostile text, hostile numbers, a missing mapping.
#pragma once

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace afterglow::testing {

struct SyntheticMessage {
  std::string role;  // "user" or "assistant"
  std::string text;
  nlohmann::json create_time = nullptr;
  std::string model;  // metadata.model_slug
};

// One conversation: a root without a message, then `messages` in a line. Times as given (any
// JSON value: numbers out of range are what some tests are about).
inline nlohmann::json synthetic_conversation(const std::string& id, const std::string& title,
                                             const nlohmann::json& create_time,
                                             const std::vector<SyntheticMessage>& messages) {
  nlohmann::json mapping = nlohmann::json::object();
  const std::string root = id + "-root";
  mapping[root] = {{"id", root}, {"message", nullptr}, {"parent", nullptr}, {"children", {}}};
  std::string parent = root;
  for (size_t i = 0; i < messages.size(); ++i) {
    const auto& m = messages[i];
    const std::string node = id + "-m" + std::to_string(i);
    nlohmann::json metadata = nlohmann::json::object();
    if (!m.model.empty()) metadata["model_slug"] = m.model;
    mapping[node] = {{"id", node},
                     {"message",
                      {{"id", node},
                       {"author", {{"role", m.role}, {"name", nullptr}, {"metadata", {}}}},
                       {"create_time", m.create_time},
                       {"content", {{"content_type", "text"}, {"parts", {m.text}}}},
                       {"status", "finished_successfully"},
                       {"metadata", metadata},
                       {"recipient", "all"}}},
                     {"parent", parent},
                     {"children", nlohmann::json::array()}};
    mapping[parent]["children"].push_back(node);
    parent = node;
  }
  return {{"id", id},
          {"conversation_id", id},
          {"title", title},
          {"create_time", create_time},
          {"update_time", create_time},
          {"mapping", mapping},
          {"current_node", parent}};
}

// Writes `conversations` as <dir>/<name> and returns its path.
inline std::string write_conversations(const std::filesystem::path& dir, const std::string& name,
                                       const nlohmann::json& conversations) {
  const auto path = dir / name;
  std::ofstream(path, std::ios::binary)
      << conversations.dump(2, ' ', false, nlohmann::json::error_handler_t::strict);
  return path.string();
}

}  // namespace afterglow::testing
