#include "fts5_query.h"

#include "afterglow/model/errors.h"
#include "afterglow/text/utf8.h"
#include "cjk_grams.h"
#include "text_normalise.h"

namespace afterglow::indexer {
namespace {

// Trigrams need three characters; one or two CJK characters are looked up in search_cjk, and
// anything else shorter is matched with LIKE.
constexpr size_t kTrigram = 3;

std::string fts5_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

std::string like_pattern(const std::string& text, bool anywhere) {
  std::string out = anywhere ? "%" : "";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

// The text a leaf looks for: phrases and prefixes are matched as substrings.
struct TextLeaf {
  const char* column;  // "text" or "title"
  std::string text;
};

std::optional<TextLeaf> text_leaf(const QueryNode& node) {
  switch (node.type) {
    case QueryNode::Type::word:
    case QueryNode::Type::phrase:
    case QueryNode::Type::prefix:
      return TextLeaf{"text", node.text};
    case QueryNode::Type::field:
      if (node.field->kind == FieldKind::text) return TextLeaf{"title", node.text};
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

bool trigram_leaf(const QueryNode& node) {
  auto leaf = text_leaf(node);
  return leaf && text::count_code_points(leaf->text) >= kTrigram;
}

std::string match_expression(const TextLeaf& leaf) {
  return std::string(leaf.column) + " : " + fts5_string(leaf.text);
}

class Builder {
 public:
  std::vector<SqlValue> params;

  std::string condition(const QueryNode& node) {
    if (auto leaf = text_leaf(node)) {
      if (text::count_code_points(leaf->text) >= kTrigram) {
        params.emplace_back(match_expression(*leaf));
        return "m.id IN (SELECT rowid FROM search_text WHERE search_text MATCH ?)";
      }
      if (is_cjk_gram_term(leaf->text)) {
        params.emplace_back(match_expression(*leaf));
        return "m.id IN (SELECT rowid FROM search_cjk WHERE search_cjk MATCH ?)";
      }
      params.emplace_back(like_pattern(leaf->text, true));
      return std::string("search_text.") + leaf->column + " LIKE ? ESCAPE '\\'";
    }
    switch (node.type) {
      case QueryNode::Type::negate:
        return "NOT (" + condition(node.children.front()) + ")";
      case QueryNode::Type::all_of:
      case QueryNode::Type::any_of: {
        std::string out = "(";
        const char* op = node.type == QueryNode::Type::all_of ? " AND " : " OR ";
        for (size_t i = 0; i < node.children.size(); ++i) {
          if (i) out += op;
          out += condition(node.children[i]);
        }
        return out + ")";
      }
      case QueryNode::Type::field:
        return field_condition(node);
      default:
        break;
    }
    throw QueryError("this query cannot be run by the fts5 engine");
  }

 private:
  std::string field_condition(const QueryNode& node) {
    const Field& field = *node.field;
    switch (field.kind) {
      case FieldKind::keyword: {
        const std::string column = "lower(m." + std::string(field.name) + ")";
        std::string out = "(";
        for (size_t i = 0; i < node.values.size(); ++i) {
          const std::string& value = node.values[i];
          if (i) out += " OR ";
          if (value.size() > 1 && value.back() == '*') {
            params.emplace_back(like_pattern(value.substr(0, value.size() - 1), false));
            out += column + " LIKE ? ESCAPE '\\'";
          } else {
            params.emplace_back(value);
            out += column + " = ?";
          }
        }
        return out + ")";
      }
      case FieldKind::flag: {
        std::string out = "(";
        for (size_t i = 0; i < node.values.size(); ++i) {
          // Values were checked against kHasValues by the parser, so they are safe as names.
          out += (i ? " OR m.has_" : "m.has_") + node.values[i] + " = 1";
        }
        return out + ")";
      }
      case FieldKind::conversation:
        params.emplace_back(like_pattern(node.values.front(), false));
        return "m.conversation LIKE ? ESCAPE '\\'";
      case FieldKind::keepsake: {
        if (node.messages.empty()) return "0";
        std::string out =
            "(m.source || '/' || m.account || '/' || m.conversation || '/' || m.node) IN (";
        for (size_t i = 0; i < node.messages.size(); ++i) {
          params.emplace_back(node.messages[i]);
          out += i ? ", ?" : "?";
        }
        return out + ")";
      }
      case FieldKind::project: {
        if (node.conversations.empty()) return "0";
        std::string out = "(m.source || '/' || m.account || '/' || m.conversation) IN (";
        for (size_t i = 0; i < node.conversations.size(); ++i) {
          const ConversationCopy& c = node.conversations[i];
          params.emplace_back(c.source + "/" + c.account + "/" + c.id);
          out += i ? ", ?" : "?";
        }
        return out + ")";
      }
      case FieldKind::date_after:
      case FieldKind::date_before:
      case FieldKind::date_on: {
        std::string out = "(m.create_time IS NOT NULL";
        if (node.from) {
          params.emplace_back(*node.from);
          out += " AND m.create_time >= ?";
        }
        if (node.until) {
          params.emplace_back(*node.until);
          out += " AND m.create_time < ?";
        }
        return out + ")";
      }
      default:
        break;
    }
    throw QueryError(std::string(field.name) + ": cannot be searched");
  }
};

}  // namespace

Fts5Query to_fts5_query(const QueryNode& root) {
  // Top-level conjuncts that are long enough terms drive the search through one MATCH, which
  // also ranks the hits; the rest filters the rows it finds.
  std::vector<const QueryNode*> conjuncts;
  if (root.type == QueryNode::Type::all_of) {
    for (const auto& child : root.children) conjuncts.push_back(&child);
  } else {
    conjuncts.push_back(&root);
  }
  Fts5Query out;
  Builder builder;
  std::vector<std::string> rest;
  for (const QueryNode* node : conjuncts) {
    if (trigram_leaf(*node)) {
      if (!out.match.empty()) out.match += " AND ";
      out.match += match_expression(*text_leaf(*node));
    } else {
      rest.push_back(builder.condition(*node));
    }
  }
  out.where = rest.empty() ? "1" : "";
  for (size_t i = 0; i < rest.size(); ++i) out.where += (i ? " AND " : "") + rest[i];
  out.where_params = std::move(builder.params);
  return out;
}

}  // namespace afterglow::indexer
