// Google Takeout's "My Activity → Gemini Apps" (EXPORT-FORMAT.md section 11): a log of activity
// records, each a prompt and its answer or something else that happened (feedback, Canvas, a
// Gem used). Read from the JSON form or the HTML form into the same records; grouping them into
// conversations is gemini_grouping's job.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "afterglow/model/conversation.h"
#include "afterglow/model/import_sink.h"

namespace afterglow::importer {

// One "Prompted …" record: a person's prompt and, when Takeout kept it, the answer.
struct ActivityRecord {
  size_t index = 0;    // position in its file
  std::string prompt;  // the title without its verb
  double time = 0;     // UTC seconds
  bool has_answer = false;
  std::string answer;  // Markdown, converted from the answer's HTML
  std::string app;     // the conversation id of its gemini.google.com/app/<id> link; may be empty
  std::string gem;     // the Gem it was asked in; empty for Gemini itself
  std::vector<model::Attachment> attachments;
  std::string raw;         // the record as exported (JSON; the HTML form's cell as {"html": …})
  std::string answer_raw;  // the answer as exported ({"safeHtmlItem": …} or {"html": …})
};

// What one activity file holds.
struct ActivityFile {
  std::vector<ActivityRecord> prompts;
  // Records that are not prompts, by kind ("feedback", "canvas", "used", "draft", "other").
  std::map<std::string, int> others;
  // Records that could not be read (a damaged record, a time that is no time): kept raw.
  std::vector<model::BrokenConversation> broken;
};

// The title of a record without its verb, when it is a prompt ("Prompted …", older "Asked …");
// else the kind of record it is, as ActivityFile::others counts them. Takeout writes these
// words in English whatever the account's language.
struct TitleReading {
  bool prompt = false;
  std::string text;  // the prompt, or the kind
};
TitleReading read_title(std::string_view title);

// The activity file's JSON array. Throws InputError (naming `where`) when it is no array or is
// cut short; one damaged record is broken, never fatal.
ActivityFile read_activity_json(const std::string& where, const std::string& file,
                                const std::string& text);

// Takeout's HTML form (My Activity.html): one outer-cell per record.
ActivityFile read_activity_html(const std::string& file, const std::string& text);

// "https://gemini.google.com/app/1a2b3c?hl=en" -> "1a2b3c"; empty when it is no such link.
std::string app_id_of(std::string_view url);

}  // namespace afterglow::importer
