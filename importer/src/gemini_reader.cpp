// Google's Gemini: Takeout's activity log (JSON or HTML), grouped into conversations, and Google
// AI Studio prompt files, one conversation each. Each file is read whole (see ProviderReader).
#include "aistudio_parser.h"
#include "conversation_parser.h"
#include "gemini_activity.h"
#include "gemini_grouping.h"
#include "json_text.h"
#include "provider_reader.h"

namespace afterglow::importer {

namespace {

std::string_view start_of(std::string_view text) {
  if (starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  return trim_whitespace(text.substr(0, 4096));
}

class GeminiReader : public ProviderReader {
 public:
  // Each file is read whole: nothing comes one element at a time.
  model::Conversation parse(const std::string& element) override {
    (void)element;
    throw ConversationParseError("not read one element at a time", {}, {});
  }
  bool repaired() const override { return false; }
  std::string why_no_messages() const override { return "it has no prompts"; }
  bool reads_whole_files() const override { return true; }

  WholeFile read_whole_file(const std::string& where, const std::string& path,
                            const std::string& text) override {
    WholeFile out;
    const std::string_view start = start_of(text);
    if (starts_with(start, "{")) {
      try {
        out.conversations.push_back(parse_aistudio(text));
      } catch (const ConversationParseError& e) {
        model::BrokenConversation broken;
        broken.file = path;
        broken.reason = e.what();
        broken.raw_json = text;
        out.broken.push_back(std::move(broken));
      }
      return out;
    }
    ActivityFile activity = starts_with(start, "<") ? read_activity_html(path, text)
                                                    : read_activity_json(where, path, text);
    out.broken = std::move(activity.broken);
    int64_t unanswered = 0;
    for (const auto& record : activity.prompts) unanswered += record.has_answer ? 0 : 1;
    int duplicates = 0;
    out.conversations = group_records(std::move(activity.prompts), duplicates);
    if (!activity.others.empty()) {
      int total = 0;
      std::string kinds;
      for (const auto& [kind, count] : activity.others) {
        total += count;
        kinds += (kinds.empty() ? "" : ", ") + std::to_string(count) + " " + kind;
      }
      out.warnings.push_back(where + ": " + std::to_string(total) +
                             (total == 1 ? " activity record" : " activity records") +
                             " that are no prompts (" + kinds +
                             "), kept in the original file only");
    }
    if (unanswered > 0) {
      out.warnings.push_back(where + ": " + std::to_string(unanswered) +
                             (unanswered == 1 ? " prompt has" : " prompts have") +
                             " no answer in the export; kept, the answer marked missing");
    }
    if (duplicates > 0) {
      out.warnings.push_back(where + ": " + std::to_string(duplicates) +
                             (duplicates == 1 ? " record appears" : " records appear") +
                             " twice (same time, same prompt); kept once");
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<ProviderReader> make_gemini_reader() { return std::make_unique<GeminiReader>(); }

}  // namespace afterglow::importer
