// Claude.ai's export: its conversations, memories.json (what Claude remembered about the person,
// for the account and per project) and its projects (projects.json, or one projects/<uuid>.json
// each), handed to the sink as they are.
#include <simdjson.h>

#include "claude_parser.h"
#include "dom_access.h"
#include "export_layout.h"
#include "json_text.h"
#include "provider_reader.h"

namespace afterglow::importer {

namespace {

bool is_projects_file(std::string_view inner_path) {
  if (base_name(inner_path) == "projects.json") return true;
  const std::string_view folder = base_name(dir_name(inner_path));
  return folder == "projects" && ends_with(to_lower_ascii(inner_path), ".json");
}

class ClaudeReader : public ProviderReader {
 public:
  model::Conversation parse(const std::string& element) override { return parser_.parse(element); }
  bool repaired() const override { return parser_.repaired(); }
  std::string why_no_messages() const override {
    return "its \"chat_messages\" is empty or missing";
  }

  bool reads_file(std::string_view inner_path) const override {
    return base_name(inner_path) == "memories.json" || is_projects_file(inner_path);
  }

  void read_file(const std::string& where, std::string_view inner_path, const std::string& text,
                 model::ImportSink& sink, std::vector<std::string>& warnings) override {
    Json root;
    if (json_.parse(text).get(root) || (!root.is_array() && !root.is_object())) {
      warnings.push_back(where + ": not readable JSON; not shown (the file is kept as it is)");
      return;
    }
    if (base_name(inner_path) == "memories.json") {
      memories(root, sink);
    } else {
      projects(root, sink);
    }
  }

 private:
  // [{account_uuid, conversations_memory: "…", project_memories: {project uuid: "…"}}]
  static void memories(Json root, model::ImportSink& sink) {
    auto each = [&](Json entry) {
      model::MemoryRecord account;
      account.source = "claude";
      account.kind = "account_memory";
      account.text = text_field(entry, "conversations_memory");
      account.raw_json = json_text(entry);
      if (!account.text.empty()) sink.memory_record(std::move(account));
      auto by_project = object_field(entry, "project_memories");
      if (!by_project) return;
      for (auto [project, memory] : *by_project) {
        model::MemoryRecord record;
        record.source = "claude";
        record.kind = "account_memory";
        record.project_id = std::string(project);
        record.text = text_of(memory);
        record.raw_json = "{" + json_quote(project) + ":" + json_text(memory) + "}";
        if (!record.text.empty()) sink.memory_record(std::move(record));
      }
    };
    simdjson::dom::array entries;
    if (!root.get(entries)) {
      for (Json entry : entries) each(entry);
    } else {
      each(root);
    }
  }

  // {uuid, name, description, prompt_template, docs: […], …}, one or an array of them.
  static void projects(Json root, model::ImportSink& sink) {
    auto each = [&](Json entry) {
      model::Project project;
      project.source = "claude";
      project.kind = "claude_project";
      project.id = text_field(entry, "uuid");
      if (project.id.empty()) return;
      project.name = text_field(entry, "name");
      project.description = text_field(entry, "description");
      project.instructions = text_field(entry, "prompt_template");
      project.raw_json = json_text(entry);
      sink.project(std::move(project));
    };
    simdjson::dom::array entries;
    if (!root.get(entries)) {
      for (Json entry : entries) each(entry);
    } else {
      each(root);
    }
  }

  ClaudeParser parser_;
  simdjson::dom::parser json_;
};

}  // namespace

std::unique_ptr<ProviderReader> make_claude_reader() { return std::make_unique<ClaudeReader>(); }

}  // namespace afterglow::importer
