#include "grok_detect.h"

#include <string>

namespace afterglow::importer {

namespace {

// A forward reader over the first JSON tokens; only what the check needs.
class Tokens {
 public:
  explicit Tokens(std::string_view text) : text_(text) {}

  bool punct(char c) {
    skip_space();
    if (pos_ >= text_.size() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  // A key without escapes (the keys looked for have none); nullopt-like empty on failure.
  bool key(std::string& out) {
    skip_space();
    if (pos_ >= text_.size() || text_[pos_] != '"') return false;
    const size_t end = text_.find('"', pos_ + 1);
    if (end == std::string_view::npos) return false;
    out.assign(text_.substr(pos_ + 1, end - pos_ - 1));
    pos_ = end + 1;
    return punct(':');
  }

 private:
  void skip_space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' ||
            text_[pos_] == '\t' || text_.substr(pos_, 3) == "\xEF\xBB\xBF")) {
      pos_ += text_[pos_] == '\xEF' ? 3 : 1;
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

bool looks_like_grok(std::string_view head) {
  Tokens tokens(head);
  std::string name;
  if (!tokens.punct('{') || !tokens.key(name) || name != "conversations") return false;
  if (!tokens.punct('[') || !tokens.punct('{') || !tokens.key(name)) return false;
  return name == "conversation" || name == "responses";
}

}  // namespace afterglow::importer
