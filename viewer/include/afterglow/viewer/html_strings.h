// The words of the book's interface in each language it speaks, in one table, and the choice of
// language from the content itself (Chinese when most of the letters are Chinese).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace afterglow::viewer {

enum class Lang { en, zh };

// Every interface string, by purpose. Adding one means adding a row to the table in
// html_strings.cpp, where the compiler checks every language has it.
enum class Text {
  you,
  assistant,
  tool,
  untitled,
  contents,
  about_book,
  memories,
  search,
  search_placeholder,
  search_no_results,
  search_results,  // "{n} conversations"
  search_unavailable,
  conversations,  // "{n} conversations"
  one_conversation,
  words,     // "{n} words"
  messages,  // "{n} messages"
  one_message,
  previous_version,
  next_version,
  version_of,  // "version {k} of {n}" (print)
  reasoning,
  tool_call,
  tool_output,
  hidden_message,
  custom_instructions,
  memory_note,
  voice,
  unavailable_file,  // "{name} — not in the export"
  copy,
  copied,
  sources,
  previous,
  next,
  back_to_contents,
  default_title,
  by_author,  // "{name}"
  about_intro,
  about_included,  // "{n} conversations, from {from} to {to}."
  about_filter,    // "Chosen with: {filter}"
  about_everything,
  about_hidden_included,
  about_hidden_excluded,
  about_sources,
  about_made,  // "Made on {date} by {version}."
  about_reading,
  about_math_source,
  first_conversation,
  last_conversation,
  longest_conversation,
  days_talked,     // "{n} days"
  longest_streak,  // "{n} days in a row"
  busiest_day,
  you_wrote,   // "You wrote {n} words"
  they_wrote,  // "{name} answered with {n}"
  calendar,
  messages_by_month,
  other_models,
  less,
  more,
  words_exchanged,
  gone_upstream,
  in_project,  // "Project: {name}", the ChatGPT project of a conversation
  with_gpt,    // "GPT: {name}", the custom GPT of a conversation
  page_of_book,
  label_conversations,  // under a big number on the memories page
  label_days,
  label_streak,
  label_words,
  canvas_document,  // an inline Canvas document in an answer
  canvas_email,
  canvas_social_post,
  other_model_answered,  // an answer by another model than the one a book is about
  rated_up,              // the person's thumbs up on an answer
  rated_down,
  // The chapter "What it remembered" (book --include-memories) and the reader's page of it.
  remembered,
  remembered_intro,  // "{name} kept these ... {n} records"
  remembered_none,
  memory_write,
  memory_snapshot,
  memory_account,
  remembered_where,  // "in “{title}”"
  remembered_account,
  remembered_elsewhere,
  // The page of digests: what proves the book holds the archive's words.
  digests,
  digests_intro,
  digests_conversations,
  about_digests,
  // The continuity packet (export --format packet): its text and its read-me.
  packet_title,
  packet_preface,       // "{name}": the companion
  packet_preface_gone,  // said when {name} is a model that was retired
  packet_preface_rest,
  packet_instructions,
  packet_memories,  // "What {name} remembered"
  packet_exchanges,
  packet_cut,
  packet_none,
  packet_and,
  packet_readme_title,
  packet_readme_intro,
  packet_readme_counts,    // {instructions} {memories} {exchanges} {characters} {budget}
  packet_readme_left_out,  // {memories} {exchanges}
  packet_readme_reconstruction,
  packet_readme_private,
  // The EPUB's landmarks: where an e-reader's menu jumps to.
  cover,
  start_reading,
  count_
};

// The string for `key` in `lang`, with each "{name}" replaced by the value of that name in `args`.
using Args = std::vector<std::pair<std::string, std::string>>;
std::string tr(Lang lang, Text key, const Args& args = {});

const char* lang_code(Lang lang);  // "en", "zh-CN"

// The main language of some text: zh when Han characters outnumber Latin words.
class LanguageGuess {
 public:
  void add(std::string_view text);
  Lang result() const;

 private:
  long han_ = 0;
  long latin_words_ = 0;
};

// "1,234" (both languages group by thousands the same way in print).
std::string group_thousands(long long n);

// Dates in the local time zone (TZ), written the way each language writes them. Month names come
// from this table, not from the C locale, so a book reads the same wherever it was made.
struct LocalParts {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0;
  int weekday = 4;  // 0 = Sunday
};
LocalParts local_parts(double epoch_seconds);
std::string format_day(Lang lang, const LocalParts& parts);  // "13 May 2024", "2024年5月13日"
std::string format_month(Lang lang, int year, int month);    // "May 2024", "2024年5月"
std::string month_name(Lang lang, int month);                // "May", "5月"
std::string format_clock(const LocalParts& parts);           // "21:04"
std::string iso_utc(double epoch_seconds);                   // "2024-05-13T19:04:05Z"
// The kind of a memory record on a page ("Remembered"); an unknown kind as it is stored.
std::string memory_kind_words(Lang lang, const std::string& kind);

}  // namespace afterglow::viewer
