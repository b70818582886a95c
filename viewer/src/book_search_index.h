// The search index shipped inside a book: built while the conversations stream by, written as
// JSON that the book's script reads from file:// with no server. Latin words are matched by
// prefix; Chinese, Japanese and Korean text by single characters and character pairs, so a
// query of any length finds text written without spaces. Tokenisation must match tokenize() in
// viewer/assets/book.js.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace afterglow::viewer {

class SearchIndexBuilder {
 public:
  // Documents are numbered in the order they are added, from 0.
  uint32_t add_document(std::string href, std::string title, std::string date);
  void add_text(uint32_t document, std::string_view text);
  // {"v":1,"docs":[[href,title,date],...],"terms":{term:"base36 deltas",...}}
  std::string json() const;

  // The terms of a text, in order, duplicates included (exposed for tests).
  static std::vector<std::string> terms(std::string_view text);

 private:
  struct Doc {
    std::string href, title, date;
  };
  std::vector<Doc> docs_;
  std::unordered_map<std::string, std::vector<uint32_t>> postings_;
};

}  // namespace afterglow::viewer
