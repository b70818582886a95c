#include "book_search_index.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "afterglow/text/case.h"
#include "afterglow/text/utf8.h"
#include "book_text.h"

namespace afterglow::viewer {
namespace {

// Longer words are cut: nobody types 33 letters into a search box, and the index stays small.
constexpr size_t kMaxWordLength = 32;

std::string base36(uint32_t n) {
  static constexpr char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string out;
  do {
    out += digits[n % 36];
    n /= 36;
  } while (n > 0);
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<std::string> SearchIndexBuilder::terms(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  size_t word_length = 0;
  std::string previous_cjk;  // the last CJK character, for pairs
  auto end_word = [&] {
    if (!word.empty()) out.push_back(std::move(word));
    word.clear();
    word_length = 0;
  };
  for_each_code_point(text, [&](char32_t cp) {
    if (is_cjk(cp)) {
      end_word();
      std::string ch;
      text::append_utf8(ch, cp);
      out.push_back(ch);
      if (!previous_cjk.empty()) out.push_back(previous_cjk + ch);
      previous_cjk = ch;
    } else if (is_word_char(cp)) {
      previous_cjk.clear();
      if (word_length < kMaxWordLength) text::append_utf8(word, text::fold_simple_case(cp));
      ++word_length;
    } else {
      previous_cjk.clear();
      end_word();
    }
  });
  end_word();
  return out;
}

uint32_t SearchIndexBuilder::add_document(std::string href, std::string title, std::string date) {
  docs_.push_back({std::move(href), std::move(title), std::move(date)});
  return static_cast<uint32_t>(docs_.size() - 1);
}

void SearchIndexBuilder::add_text(uint32_t document, std::string_view text) {
  for (auto& term : terms(text)) {
    auto& list = postings_[term];
    if (list.empty() || list.back() != document) list.push_back(document);
  }
}

std::string SearchIndexBuilder::json() const {
  nlohmann::json docs = nlohmann::json::array();
  for (const auto& d : docs_) docs.push_back({d.href, d.title, d.date});
  nlohmann::json terms = nlohmann::json::object();
  for (const auto& [term, list] : postings_) {
    // Document numbers as base-36 gaps: "0,3,a" is documents 0, 3 and 13.
    std::string encoded;
    uint32_t previous = 0;
    for (size_t i = 0; i < list.size(); ++i) {
      if (i > 0) encoded += ',';
      encoded += base36(list[i] - previous);
      previous = list[i];
    }
    terms[term] = encoded;
  }
  nlohmann::json out = {{"v", 1}, {"docs", docs}, {"terms", terms}};
  // Invalid UTF-8 in a title must not stop the book from being written.
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace afterglow::viewer
