// The query language: a tokenizer and a recursive-descent parser producing a QueryNode tree.
//   query   := or_expr
//   or_expr := and_expr ("OR" and_expr)*
//   and_expr:= unary (["AND"] unary)*
//   unary   := ("-" | "NOT") unary | primary
//   primary := "(" or_expr ")" | word | "phrase" | prefix* | field:value
#include <string>
#include <string_view>

#include "afterglow/indexer/query.h"
#include "afterglow/model/errors.h"
#include "afterglow/model/local_time.h"
#include "afterglow/text/case.h"
#include "afterglow/text/utf8.h"

namespace afterglow::indexer {
namespace {

struct Token {
  enum class Kind { word, phrase, field, lparen, rparen, op_or, op_and, op_not, minus, end };
  Kind kind = Kind::end;
  std::string text;     // word or phrase text; field value
  std::string field;    // field name
  bool quoted = false;  // field value was quoted
  size_t offset = 0, length = 0;
};

[[noreturn]] void fail(const std::string& why) { throw QueryError(why); }

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// U+3000 IDEOGRAPHIC SPACE: what Chinese and Japanese keyboards type between words.
constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
// “ and ”: the quotes a Chinese input method types.
constexpr std::string_view kOpenCurly = "\xE2\x80\x9C";
constexpr std::string_view kCloseCurly = "\xE2\x80\x9D";

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : s_(text) {}

  std::vector<Token> run() {
    std::vector<Token> out;
    while (true) {
      skip_space();
      if (i_ >= s_.size()) break;
      out.push_back(next());
    }
    Token end;
    end.offset = s_.size();
    out.push_back(end);
    return out;
  }

 private:
  bool space_at(size_t i) const {
    if (i >= s_.size()) return false;
    char c = s_[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
    return s_.substr(i, 3) == kIdeographicSpace;
  }
  size_t space_len(size_t i) const { return s_[i] == '\xE3' ? 3 : 1; }
  void skip_space() {
    while (space_at(i_)) i_ += space_len(i_);
  }
  bool quote_at(size_t i) const { return s_[i] == '"' || s_.substr(i, 3) == kOpenCurly; }

  // Reads "..." or “...” starting at i_; returns the inner text.
  std::string read_quoted() {
    const size_t start = i_;
    const bool curly = s_[i_] != '"';
    i_ += curly ? kOpenCurly.size() : 1;
    std::string inner;
    while (i_ < s_.size()) {
      if (!curly && s_[i_] == '"') {
        ++i_;
        return inner;
      }
      if (curly && (s_.substr(i_, 3) == kCloseCurly || s_[i_] == '"')) {
        i_ += s_[i_] == '"' ? 1 : kCloseCurly.size();
        return inner;
      }
      inner += s_[i_++];
    }
    fail("unterminated quote: the \" at position " + std::to_string(start + 1) +
         " is never closed");
  }

  // A run of non-space characters. ')' ends it only when it closes a '(' opened before the
  // word, so code such as printf(x) stays one word.
  std::string read_bare() {
    std::string out;
    int inner_depth = 0;
    while (i_ < s_.size() && !space_at(i_)) {
      char c = s_[i_];
      if (c == '(') ++inner_depth;
      if (c == ')') {
        if (inner_depth == 0 && depth_ > 0) break;
        if (inner_depth == 0) {
          fail("unbalanced parenthesis: the ')' at position " + std::to_string(i_ + 1) +
               " has no matching '('");
        }
        --inner_depth;
      }
      out += c;
      ++i_;
    }
    return out;
  }

  // "name:" where name is lower-case letters and what follows is a value, not "::" or "://"
  // (code and URLs stay words).
  size_t field_name_end() const {
    size_t j = i_;
    while (j < s_.size() && s_[j] >= 'a' && s_[j] <= 'z') ++j;
    if (j == i_ || j >= s_.size() || s_[j] != ':') return 0;
    if (j + 1 < s_.size() && (s_[j + 1] == ':' || s_[j + 1] == '/' || s_[j + 1] == '\\')) return 0;
    return j;
  }

  Token next() {
    Token t;
    t.offset = i_;
    char c = s_[i_];
    if (c == '(') {
      ++i_;
      ++depth_;
      t.kind = Token::Kind::lparen;
    } else if (c == ')') {
      ++i_;
      if (depth_ > 0) --depth_;
      t.kind = Token::Kind::rparen;
    } else if (quote_at(i_)) {
      t.kind = Token::Kind::phrase;
      t.text = read_quoted();
    } else if (c == '-' && i_ + 1 < s_.size() && !space_at(i_ + 1) && s_[i_ + 1] != '-') {
      ++i_;
      t.kind = Token::Kind::minus;
    } else if (size_t name_end = field_name_end(); name_end != 0) {
      t.kind = Token::Kind::field;
      t.field = std::string(s_.substr(i_, name_end - i_));
      i_ = name_end + 1;
      if (i_ < s_.size() && quote_at(i_)) {
        t.quoted = true;
        t.text = read_quoted();
      } else {
        t.text = read_bare();
      }
    } else {
      t.text = read_bare();
      if (t.text == "OR") {
        t.kind = Token::Kind::op_or;
      } else if (t.text == "AND") {
        t.kind = Token::Kind::op_and;
      } else if (t.text == "NOT") {
        t.kind = Token::Kind::op_not;
      } else {
        t.kind = Token::Kind::word;
      }
    }
    t.length = i_ - t.offset;
    return t;
  }

  std::string_view s_;
  size_t i_ = 0;
  int depth_ = 0;
};

std::vector<std::string> split_alternatives(const std::string& value) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t bar = value.find('|', start);
    out.push_back(value.substr(start, bar == std::string::npos ? bar : bar - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return out;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : t_(std::move(tokens)) {}

  QueryNode run() {
    if (peek().kind == Token::Kind::end) fail("empty query: type some words or a field:value");
    QueryNode root = parse_or();
    if (peek().kind == Token::Kind::rparen) {
      fail("unbalanced parenthesis: the ')' at position " + std::to_string(peek().offset + 1) +
           " has no matching '('");
    }
    return root;
  }

 private:
  const Token& peek() const { return t_[pos_]; }
  const Token& take() { return t_[pos_++]; }

  static bool starts_operand(Token::Kind k) {
    return k == Token::Kind::word || k == Token::Kind::phrase || k == Token::Kind::field ||
           k == Token::Kind::lparen || k == Token::Kind::minus || k == Token::Kind::op_not;
  }

  static QueryNode combine(QueryNode::Type type, std::vector<QueryNode> parts) {
    if (parts.size() == 1) return std::move(parts.front());
    QueryNode node;
    node.type = type;
    node.children = std::move(parts);
    return node;
  }

  QueryNode parse_or() {
    std::vector<QueryNode> parts;
    parts.push_back(parse_and());
    while (peek().kind == Token::Kind::op_or) {
      take();
      if (!starts_operand(peek().kind)) fail("OR needs a term on both sides");
      parts.push_back(parse_and());
    }
    return combine(QueryNode::Type::any_of, std::move(parts));
  }

  QueryNode parse_and() {
    std::vector<QueryNode> parts;
    parts.push_back(parse_unary());
    while (true) {
      if (peek().kind == Token::Kind::op_and) {
        take();
        if (!starts_operand(peek().kind)) fail("AND needs a term on both sides");
        parts.push_back(parse_unary());
      } else if (starts_operand(peek().kind)) {
        parts.push_back(parse_unary());
      } else {
        break;
      }
    }
    return combine(QueryNode::Type::all_of, std::move(parts));
  }

  // Each group and negation is one level of recursion here and in the engines' walks.
  void enter(const Token& tok) {
    if (++depth_ > kMaxQueryDepth) {
      fail("query nested too deeply at position " + std::to_string(tok.offset + 1) + ": at most " +
           std::to_string(kMaxQueryDepth) + " levels of parentheses and negations");
    }
  }

  QueryNode parse_unary() {
    if (peek().kind == Token::Kind::minus || peek().kind == Token::Kind::op_not) {
      const Token& op = take();
      enter(op);
      if (!starts_operand(peek().kind)) {
        fail(std::string("nothing to exclude after '") +
             (op.kind == Token::Kind::minus ? "-" : "NOT") + "' at position " +
             std::to_string(op.offset + 1));
      }
      QueryNode node;
      node.type = QueryNode::Type::negate;
      node.children.push_back(parse_unary());
      --depth_;
      return node;
    }
    return parse_primary();
  }

  QueryNode parse_primary() {
    const Token& tok = take();
    switch (tok.kind) {
      case Token::Kind::lparen: {
        enter(tok);
        if (peek().kind == Token::Kind::rparen) {
          fail("empty parentheses at position " + std::to_string(tok.offset + 1));
        }
        if (!starts_operand(peek().kind)) {
          if (peek().kind == Token::Kind::end) {
            fail("unbalanced parenthesis: the '(' at position " + std::to_string(tok.offset + 1) +
                 " is never closed");
          }
          fail("OR needs a term on both sides");
        }
        QueryNode inner = parse_or();
        if (peek().kind != Token::Kind::rparen) {
          fail("unbalanced parenthesis: the '(' at position " + std::to_string(tok.offset + 1) +
               " is never closed");
        }
        take();
        --depth_;
        return inner;
      }
      case Token::Kind::word:
        return word(tok);
      case Token::Kind::phrase: {
        QueryNode node;
        node.type = QueryNode::Type::phrase;
        node.text = tok.text;
        node.offset = tok.offset;
        node.length = tok.length;
        if (node.text.find_first_not_of(" \t") == std::string::npos) {
          fail("empty phrase at position " + std::to_string(tok.offset + 1));
        }
        return node;
      }
      case Token::Kind::field:
        return field(tok);
      default:
        fail("unexpected '" + tok.text + "' at position " + std::to_string(tok.offset + 1));
    }
  }

  static QueryNode word(const Token& tok) {
    QueryNode node;
    node.offset = tok.offset;
    node.length = tok.length;
    if (tok.text.size() > 1 && tok.text.back() == '*') {
      node.type = QueryNode::Type::prefix;
      node.text = tok.text.substr(0, tok.text.size() - 1);
      if (node.text.find('*') != std::string::npos) {
        fail("only one '*' is allowed, at the end of a word: " + tok.text);
      }
    } else if (tok.text == "*") {
      fail("a lone '*' at position " + std::to_string(tok.offset + 1) +
           " matches nothing; put it after the start of a word, as in pressur*");
    } else {
      node.type = QueryNode::Type::word;
      node.text = tok.text;
    }
    return node;
  }

  static QueryNode field(const Token& tok) {
    const Field* field = find_field(tok.field);
    if (!field) {
      std::string known;
      for (const auto& f : kSchema) {
        if (f.kind == FieldKind::internal) continue;
        known += (known.empty() ? "" : ", ") + std::string(f.name) + ":";
      }
      fail("unknown field \"" + tok.field + ":\" (known fields: " + known + ")");
    }
    const std::string name(field->name);
    if (tok.text.empty()) {
      fail(name + ": needs a value, e.g. " + std::string(field->example));
    }
    QueryNode node;
    node.type = QueryNode::Type::field;
    node.field = field;
    node.offset = tok.offset;
    node.length = tok.length;
    switch (field->kind) {
      case FieldKind::text:
        if (tok.quoted) {
          node.text_type = QueryNode::Type::phrase;
          node.text = tok.text;
        } else if (tok.text.size() > 1 && tok.text.back() == '*') {
          node.text_type = QueryNode::Type::prefix;
          node.text = tok.text.substr(0, tok.text.size() - 1);
        } else {
          node.text_type = QueryNode::Type::word;
          node.text = tok.text;
        }
        break;
      case FieldKind::keyword:
      case FieldKind::flag:
        for (auto& value : split_alternatives(lower_ascii(tok.text))) {
          if (value.empty() || value == "*") {
            fail(name + ":" + tok.text + ": empty alternative; write e.g. " +
                 std::string(field->example));
          }
          if (field->kind == FieldKind::flag) {
            bool known = false;
            for (auto v : kHasValues) known = known || v == value;
            if (!known) {
              fail(name + ":" + value +
                   " is unknown; use has:image, has:audio, has:code or "
                   "has:branch");
            }
          }
          node.values.push_back(std::move(value));
        }
        break;
      case FieldKind::conversation:
        node.values.push_back(tok.text);
        break;
      case FieldKind::keepsake:
        for (auto& value : split_alternatives(lower_ascii(tok.text))) {
          bool known = false;
          for (auto v : kIsValues) known = known || v == value;
          if (!known) fail(name + ":" + value + " is unknown; use is:starred");
          node.values.push_back(std::move(value));
        }
        break;
      case FieldKind::project:
        // One value, as in:, since a name may hold any character; it matches nothing when no
        // project or GPT has it, like an unknown model:.
        node.typed = tok.text;
        node.values.push_back(lower_ascii(tok.text));
        break;
      case FieldKind::date_after:
      case FieldKind::date_before:
      case FieldKind::date_on: {
        auto range = model::parse_local_date(tok.text);
        if (!range) {
          fail("bad date \"" + tok.text + "\" in " + name + ": (use YYYY, YYYY-MM or YYYY-MM-DD)");
        }
        if (field->kind == FieldKind::date_after) node.from = range->begin;
        if (field->kind == FieldKind::date_before) node.until = range->begin;
        if (field->kind == FieldKind::date_on) {
          node.from = range->begin;
          node.until = range->end;
        }
        break;
      }
      case FieldKind::internal:
        break;
    }
    return node;
  }

  std::vector<Token> t_;
  size_t pos_ = 0;
  size_t depth_ = 0;
};

void collect_highlights(const QueryNode& node, std::vector<std::string>& out) {
  switch (node.type) {
    case QueryNode::Type::word:
    case QueryNode::Type::phrase:
    case QueryNode::Type::prefix:
      out.push_back(node.text);
      break;
    case QueryNode::Type::all_of:
    case QueryNode::Type::any_of:
      for (const auto& child : node.children) collect_highlights(child, out);
      break;
    case QueryNode::Type::negate:
    case QueryNode::Type::field:
      break;
  }
}

void collect_models(const QueryNode& node, std::vector<std::string>& out) {
  if (node.type == QueryNode::Type::field && node.field->name == "model") {
    out.insert(out.end(), node.values.begin(), node.values.end());
  } else if (node.type == QueryNode::Type::all_of || node.type == QueryNode::Type::any_of) {
    for (const auto& child : node.children) collect_models(child, out);
  }
}

}  // namespace

std::vector<std::string> featured_models(const QueryNode& node) {
  std::vector<std::string> out;
  collect_models(node, out);
  return out;
}

bool is_featured_model(const std::vector<std::string>& featured, std::string_view model) {
  if (featured.empty()) return true;
  const std::string lower = text::to_lower_ascii(model);
  for (const auto& f : featured) {
    if (f.ends_with('*') ? lower.starts_with(std::string_view(f).substr(0, f.size() - 1))
                         : lower == f) {
      return true;
    }
  }
  return false;
}

Query parse_query(std::string_view text) {
  Query query;
  if (const size_t characters = text::count_code_points(text); characters > kMaxQueryCharacters) {
    fail("query too long: " + std::to_string(characters) + " characters, at most " +
         std::to_string(kMaxQueryCharacters));
  }
  query.text = std::string(text);
  query.root = Parser(Tokenizer(text).run()).run();
  return query;
}

std::vector<std::string> highlight_terms(const QueryNode& node) {
  std::vector<std::string> out;
  collect_highlights(node, out);
  return out;
}

std::string to_string(const QueryNode& node) {
  auto list = [&](const char* head) {
    std::string out = std::string("(") + head;
    for (const auto& child : node.children) out += " " + to_string(child);
    return out + ")";
  };
  switch (node.type) {
    case QueryNode::Type::word:
      return node.text;
    case QueryNode::Type::phrase:
      return "\"" + node.text + "\"";
    case QueryNode::Type::prefix:
      return node.text + "*";
    case QueryNode::Type::all_of:
      return list("and");
    case QueryNode::Type::any_of:
      return list("or");
    case QueryNode::Type::negate:
      return list("not");
    case QueryNode::Type::field: {
      std::string out = std::string(node.field->name) + ":";
      if (node.field->kind == FieldKind::project && node.typed.find(' ') != std::string::npos) {
        return out + "\"" + node.values.front() + "\"";
      }
      if (node.field->kind == FieldKind::text) {
        if (node.text_type == QueryNode::Type::phrase) return out + "\"" + node.text + "\"";
        return out + node.text + (node.text_type == QueryNode::Type::prefix ? "*" : "");
      }
      if (node.from || node.until) {
        return out + "[" + (node.from ? std::to_string(static_cast<int64_t>(*node.from)) : "") +
               "," + (node.until ? std::to_string(static_cast<int64_t>(*node.until)) : "") + ")";
      }
      for (size_t i = 0; i < node.values.size(); ++i) out += (i ? "|" : "") + node.values[i];
      return out;
    }
  }
  return "?";
}

}  // namespace afterglow::indexer
