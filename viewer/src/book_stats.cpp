#include "afterglow/viewer/book_stats.h"

#include "afterglow/viewer/html_strings.h"
#include "book_text.h"

namespace afterglow::viewer {

int64_t count_words(std::string_view text) {
  int64_t words = 0;
  bool in_word = false;
  for_each_code_point(text, [&](char32_t cp) {
    if (is_cjk(cp)) {
      ++words;
      in_word = false;
    } else if (is_word_char(cp)) {
      if (!in_word) ++words;
      in_word = true;
    } else {
      in_word = false;
    }
  });
  return words;
}

void BookStats::add_message(const model::Message& m, const std::string& conversation_model) {
  ++messages_;
  int64_t words = count_words(m.text);
  if (m.role == "user") {
    words_user_ += words;
  } else if (m.role == "assistant") {
    words_assistant_ += words;
  }
  if (!m.create_time) return;
  LocalParts p = local_parts(*m.create_time);
  ++per_day_[p.year * 10000 + p.month * 100 + p.day];
  const std::string& model = !m.model.empty() ? m.model : conversation_model;
  ++per_month_model_[p.year * 100 + p.month][model];
  ++per_model_[model];
}

void BookStats::add_entry(BookEntry entry) { entries_.push_back(std::move(entry)); }

std::optional<size_t> BookStats::first_entry() const {
  std::optional<size_t> best;
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (!entries_[i].create_time) continue;
    if (!best || *entries_[i].create_time < *entries_[*best].create_time) best = i;
  }
  return best;
}

std::optional<size_t> BookStats::last_entry() const {
  std::optional<size_t> best;
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (!entries_[i].create_time) continue;
    if (!best || *entries_[i].create_time >= *entries_[*best].create_time) best = i;
  }
  return best;
}

std::optional<size_t> BookStats::longest_entry() const {
  std::optional<size_t> best;
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (!best || entries_[i].words > entries_[*best].words) best = i;
  }
  return best;
}

std::optional<double> BookStats::first_time() const {
  auto i = first_entry();
  return i ? entries_[*i].create_time : std::nullopt;
}

std::optional<double> BookStats::last_time() const {
  auto i = last_entry();
  return i ? entries_[*i].create_time : std::nullopt;
}

}  // namespace afterglow::viewer
