#include "chat_html_assets.h"

#include <cctype>
#include <optional>
#include <vector>

#include "afterglow/text/utf8.h"

namespace afterglow::importer {

namespace {

constexpr std::string_view kName = "assetsJson";
// A literal larger than this is not an asset map; give up on it rather than grow without bound.
constexpr size_t kMaxLiteralBytes = 64u << 20;

using text::append_utf8;

struct Token {
  enum Kind { word, colon, other } kind;
  std::string text;
};

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '"' || c == '\'') {
      std::string value;
      ++i;
      while (i < text.size() && text[i] != c) {
        if (text[i] == '\\' && i + 1 < text.size()) {
          char e = text[i + 1];
          if (e == 'u' && i + 5 < text.size()) {
            unsigned int code = std::stoul(std::string(text.substr(i + 2, 4)), nullptr, 16);
            append_utf8(value, code);
            i += 6;
            continue;
          }
          value += e == 'n' ? '\n' : e == 't' ? '\t' : e;
          i += 2;
          continue;
        }
        value += text[i++];
      }
      ++i;
      tokens.push_back({Token::word, std::move(value)});
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '-') {
      size_t start = i;
      while (i < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_' ||
              text[i] == '$' || text[i] == '-' || text[i] == '.')) {
        ++i;
      }
      tokens.push_back({Token::word, std::string(text.substr(start, i - start))});
    } else if (c == ':') {
      tokens.push_back({Token::colon, ":"});
      ++i;
    } else {
      if (!std::isspace(static_cast<unsigned char>(c))) tokens.push_back({Token::other, {}});
      ++i;
    }
  }
  return tokens;
}

}  // namespace

std::map<std::string, std::string> parse_lenient_string_map(std::string_view literal) {
  std::map<std::string, std::string> map;
  std::vector<Token> tokens;
  try {
    tokens = tokenize(literal);
  } catch (const std::exception&) {
    return map;  // a malformed \u escape: the map is unusable, not the import
  }
  for (size_t i = 0; i + 2 < tokens.size(); ++i) {
    if (tokens[i].kind == Token::word && tokens[i + 1].kind == Token::colon &&
        tokens[i + 2].kind == Token::word) {
      map[tokens[i].text] = tokens[i + 2].text;
      i += 2;
    }
  }
  return map;
}

void ChatHtmlAssetScanner::finish_literal() {
  for (auto& [pointer, name] : parse_lenient_string_map(literal_)) assets_[pointer] = name;
  literal_.clear();
  state_ = State::searching;
}

void ChatHtmlAssetScanner::step(char c) {
  if (state_ == State::after_name) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == '=' || c == ':') return;
    if (c != '{') {
      state_ = State::searching;
      return;
    }
    state_ = State::in_literal;
    literal_ = "{";
    depth_ = 1;
    quote_ = 0;
    escaped_ = false;
    return;
  }
  // in_literal
  literal_ += c;
  if (literal_.size() > kMaxLiteralBytes) {
    literal_.clear();
    state_ = State::searching;
    return;
  }
  if (quote_) {
    if (escaped_) {
      escaped_ = false;
    } else if (c == '\\') {
      escaped_ = true;
    } else if (c == quote_) {
      quote_ = 0;
    }
    return;
  }
  if (c == '"' || c == '\'') {
    quote_ = c;
  } else if (c == '{') {
    ++depth_;
  } else if (c == '}' && --depth_ == 0) {
    finish_literal();
  }
}

void ChatHtmlAssetScanner::feed(std::string_view chunk) {
  size_t i = 0;
  while (i < chunk.size()) {
    if (state_ != State::searching) {
      step(chunk[i++]);
      continue;
    }
    // Look for the name in the previous chunk's tail joined with this chunk.
    std::string window = tail_ + std::string(chunk.substr(i));
    size_t found = window.find(kName);
    if (found == std::string::npos) {
      size_t keep = std::min(window.size(), kName.size() - 1);
      tail_ = window.substr(window.size() - keep);
      return;
    }
    size_t consumed_from_chunk = found + kName.size() - tail_.size();
    tail_.clear();
    i += consumed_from_chunk;
    state_ = State::after_name;
  }
}

}  // namespace afterglow::importer
