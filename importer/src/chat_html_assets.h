// chat.html (the offline viewer in classic exports) embeds `assetsJson`, a map from asset
// pointer to file name. It sits in a file that also embeds every conversation, so it is found
// while the file streams by, and read leniently: it is a JavaScript literal, not always JSON.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace afterglow::importer {

class ChatHtmlAssetScanner {
 public:
  void feed(std::string_view chunk);
  // pointer (e.g. "file-service://file-abc") -> file name, from every assetsJson literal seen.
  const std::map<std::string, std::string>& assets() const { return assets_; }

 private:
  void step(char c);
  void finish_literal();

  enum class State { searching, after_name, in_literal };
  State state_ = State::searching;
  std::string tail_;  // the end of the previous chunk, for a name split across chunks
  std::string literal_;
  int depth_ = 0;
  char quote_ = 0;
  bool escaped_ = false;
  std::map<std::string, std::string> assets_;
};

// Reads `"key": "value"` / `'key': 'value'` / `key: "value"` pairs from a JS object literal.
std::map<std::string, std::string> parse_lenient_string_map(std::string_view literal);

}  // namespace afterglow::importer
