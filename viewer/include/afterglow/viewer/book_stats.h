// What the cover and the memories page tell, gathered while the conversations stream by.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "afterglow/model/conversation.h"

namespace afterglow::viewer {

// Words as people count them: a run of letters or digits is one word, each Chinese, Japanese or
// Korean character is one.
int64_t count_words(std::string_view text);

// Characters of the first user message that the memories page shows beside a title.
inline constexpr size_t kFirstWordsCharacters = 120;

// One line of the table of contents, kept for every conversation (small: no text).
struct BookEntry {
  std::string title;
  std::string href;  // from the book's root: "c/0001.html" or "#c-1"
  model::Timestamp create_time;
  int64_t messages = 0;
  int64_t words = 0;
  std::string first_words;  // the opening of the first user message, for the memories page
};

class BookStats {
 public:
  // Messages of the displayed thread, with the conversation's model as the fallback.
  void add_message(const model::Message& message, const std::string& conversation_model);
  void add_entry(BookEntry entry);

  const std::vector<BookEntry>& entries() const { return entries_; }
  int64_t words_user() const { return words_user_; }
  int64_t words_assistant() const { return words_assistant_; }
  int64_t words() const { return words_user_ + words_assistant_; }
  int64_t messages() const { return messages_; }
  std::optional<double> first_time() const;
  std::optional<double> last_time() const;

  // Messages per local day, keyed yyyymmdd.
  const std::map<int, int64_t>& per_day() const { return per_day_; }
  // Messages per local month (yyyymm), per model.
  const std::map<int, std::map<std::string, int64_t>>& per_month_model() const {
    return per_month_model_;
  }
  const std::map<std::string, int64_t>& per_model() const { return per_model_; }
  // Indices into entries(), when there are entries.
  std::optional<size_t> first_entry() const;
  std::optional<size_t> last_entry() const;
  std::optional<size_t> longest_entry() const;

 private:
  std::vector<BookEntry> entries_;
  int64_t words_user_ = 0;
  int64_t words_assistant_ = 0;
  int64_t messages_ = 0;
  std::map<int, int64_t> per_day_;
  std::map<int, std::map<std::string, int64_t>> per_month_model_;
  std::map<std::string, int64_t> per_model_;
};

}  // namespace afterglow::viewer
