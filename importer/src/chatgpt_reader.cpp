// ChatGPT's export: the conversation parser, the memory records and projects found inside
// conversations, and message_feedback.json.
#include <map>

#include "chatgpt_feedback.h"
#include "chatgpt_memory.h"
#include "conversation_parser.h"
#include "export_layout.h"
#include "provider_reader.h"

namespace afterglow::importer {

namespace {

class ChatGptReader : public ProviderReader {
 public:
  model::Conversation parse(const std::string& element) override { return parser_.parse(element); }
  bool repaired() const override { return parser_.repaired(); }
  int64_t dropped_times() const override { return parser_.dropped_times(); }
  std::string why_no_messages() const override {
    return "its \"mapping\" is null, missing or empty";
  }

  // Memory records and the GPT or project a conversation belongs to, beside the conversation.
  void account_records(const model::Conversation& conversation, model::ImportSink& sink) override {
    for (auto& record : chatgpt_memory_records(conversation)) sink.memory_record(std::move(record));
    // Once per project, and again when a later conversation names one first seen unnamed (an
    // export names a project beside some of its conversations only).
    if (auto project = chatgpt_project(conversation)) {
      auto [seen, first] = projects_named_.try_emplace(project->id, !project->name.empty());
      if (first || (!seen->second && !project->name.empty())) {
        seen->second = !project->name.empty();
        sink.project(std::move(*project));
      }
    }
  }

  bool reads_file(std::string_view inner_path) const override {
    return base_name(inner_path) == "message_feedback.json";
  }

  // The ratings are an addition to the conversations: a damaged file is named, and skipped.
  void read_file(const std::string& where, std::string_view, const std::string& text,
                 model::ImportSink& sink, std::vector<std::string>& warnings) override {
    auto entries = parse_message_feedback(text);
    if (!entries) {
      warnings.push_back(where +
                         ": not a JSON array of feedback; its ratings are not "
                         "shown (the file is kept as it is)");
      return;
    }
    for (auto& entry : *entries) sink.message_feedback(std::move(entry));
  }

 private:
  ConversationParser parser_;
  std::map<std::string, bool> projects_named_;  // project id -> whether a name was given
};

}  // namespace

std::unique_ptr<ProviderReader> make_chatgpt_reader() { return std::make_unique<ChatGptReader>(); }

}  // namespace afterglow::importer
