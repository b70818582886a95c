#include "xapian_query.h"

#include <optional>
#include <string>
#include <vector>

#include "afterglow/model/errors.h"
#include "cjk.h"
#include "time_terms.h"
#include "xapian_document.h"

namespace afterglow::indexer {
namespace {

constexpr unsigned kCjk = Xapian::QueryParser::FLAG_CJK_NGRAM;

// A query with no positive part, such as `-foo`, means "everything but".
Xapian::Query everything() { return Xapian::Query::MatchAll; }

// Fields filter; they must not add to the relevance of a hit.
Xapian::Query unweighted(const Xapian::Query& q) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, 0.0);
}

std::optional<Xapian::Query> parse_leaf(Xapian::QueryParser& parser, const std::string& text,
                                        unsigned flags, const std::string& prefix) {
  try {
    Xapian::Query q = parser.parse_query(text, flags | kCjk, prefix);
    if (q.empty()) return std::nullopt;
    return q;
  } catch (const Xapian::QueryParserError&) {
    // Leaves are single words or phrases without Xapian operators, so this is rare (stray
    // quotes inside a word); fall back to the literal lower-cased term.
    std::string term = prefix;
    for (char c : text) term += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return Xapian::Query(term);
  }
}

// The code points of a word of two or more CJK letters (what the index splits into n-grams);
// empty for anything else.
std::vector<std::string> cjk_letters(const std::string& text) {
  std::vector<std::string> letters;
  for (Xapian::Utf8Iterator it(text); it != Xapian::Utf8Iterator(); ++it) {
    const unsigned c = *it;
    if (!is_cjk(c) || !Xapian::Unicode::is_wordchar(c)) return {};
    std::string letter;
    Xapian::Unicode::append_utf8(letter, c);
    letters.push_back(std::move(letter));
  }
  if (letters.size() < 2) return {};
  return letters;
}

std::optional<Xapian::Query> text_leaf(Xapian::QueryParser& parser, QueryNode::Type type,
                                       const std::string& text, const std::string& prefix) {
  using QP = Xapian::QueryParser;
  if (type == QueryNode::Type::word) {
    // Xapian's parser makes a CJK word the AND of its unigrams and bigrams. Every unigram is
    // inside a bigram, so the bigrams alone match the same messages, and they skip reading the
    // long posting lists of common single characters (a third of a Chinese query's time).
    const auto letters = cjk_letters(text);
    if (!letters.empty()) {
      std::vector<Xapian::Query> bigrams;
      for (size_t i = 0; i + 1 < letters.size(); ++i) {
        bigrams.emplace_back(prefix + letters[i] + letters[i + 1]);
      }
      return Xapian::Query(Xapian::Query::OP_AND, bigrams.begin(), bigrams.end());
    }
  }
  switch (type) {
    case QueryNode::Type::phrase:
      return parse_leaf(parser, "\"" + text + "\"", QP::FLAG_PHRASE, prefix);
    case QueryNode::Type::prefix:
      return parse_leaf(parser, text + "*", QP::FLAG_WILDCARD | QP::FLAG_PHRASE, prefix);
    default:
      return parse_leaf(parser, text, QP::FLAG_PHRASE, prefix);
  }
}

Xapian::Query keyword_value(const std::string& prefix, const std::string& value) {
  if (value.size() > 1 && value.back() == '*') {
    return Xapian::Query(Xapian::Query::OP_WILDCARD, prefix + value.substr(0, value.size() - 1));
  }
  return Xapian::Query(prefix + value);
}

Xapian::Query field_query(const QueryNode& node, Xapian::QueryParser& parser,
                          const Xapian::Database& db, std::optional<Xapian::Query>& text_result) {
  const Field& field = *node.field;
  const std::string prefix(field.prefix);
  switch (field.kind) {
    case FieldKind::keyword:
    case FieldKind::flag: {
      std::vector<Xapian::Query> alternatives;
      for (const auto& value : node.values) alternatives.push_back(keyword_value(prefix, value));
      return unweighted(
          Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()));
    }
    case FieldKind::conversation:
      // An id or the start of one, as `show` accepts.
      return unweighted(Xapian::Query(Xapian::Query::OP_WILDCARD, prefix + node.values.front()));
    case FieldKind::date_after:
    case FieldKind::date_before:
    case FieldKind::date_on: {
      const std::string earliest = db.get_value_lower_bound(field.slot);
      const std::string latest = db.get_value_upper_bound(field.slot);
      if (earliest.empty()) return Xapian::Query::MatchNothing;  // no message has a time
      return unweighted(time_span_query(node.from, node.until,
                                        Xapian::sortable_unserialise(earliest),
                                        Xapian::sortable_unserialise(latest), field.slot));
    }
    case FieldKind::keepsake: {
      // The messages it names, by their id terms; none is a query that matches nothing.
      std::vector<Xapian::Query> ids;
      for (const auto& key : node.messages) ids.emplace_back(message_id_term(key));
      if (ids.empty()) return Xapian::Query::MatchNothing;
      return unweighted(Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end()));
    }
    case FieldKind::project: {
      std::vector<Xapian::Query> copies;
      for (const auto& c : node.conversations) {
        copies.push_back(conversation_copy_query(c.source, c.account, c.id));
      }
      if (copies.empty()) return Xapian::Query::MatchNothing;
      return unweighted(Xapian::Query(Xapian::Query::OP_OR, copies.begin(), copies.end()));
    }
    case FieldKind::text:
      text_result = text_leaf(parser, node.text_type, node.text, prefix);
      return Xapian::Query();
    case FieldKind::internal:
      break;
  }
  throw QueryError(std::string(field.name) + ": cannot be searched");
}

// nullopt: the node has no terms at all (punctuation only) and is left out of its parent.
std::optional<Xapian::Query> build(const QueryNode& node, Xapian::QueryParser& parser,
                                   const Xapian::Database& db) {
  switch (node.type) {
    case QueryNode::Type::word:
    case QueryNode::Type::phrase:
    case QueryNode::Type::prefix:
      return text_leaf(parser, node.type, node.text, "");
    case QueryNode::Type::field: {
      std::optional<Xapian::Query> text;
      Xapian::Query q = field_query(node, parser, db, text);
      if (node.field->kind == FieldKind::text) return text;
      return q;
    }
    case QueryNode::Type::negate: {
      auto inner = build(node.children.front(), parser, db);
      if (!inner) return std::nullopt;
      return Xapian::Query(Xapian::Query::OP_AND_NOT, everything(), *inner);
    }
    case QueryNode::Type::any_of: {
      std::vector<Xapian::Query> parts;
      for (const auto& child : node.children) {
        if (auto q = build(child, parser, db)) parts.push_back(*q);
      }
      if (parts.empty()) return std::nullopt;
      return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    }
    case QueryNode::Type::all_of: {
      std::vector<Xapian::Query> positive, negative;
      for (const auto& child : node.children) {
        if (child.type == QueryNode::Type::negate) {
          if (auto q = build(child.children.front(), parser, db)) negative.push_back(*q);
        } else if (auto q = build(child, parser, db)) {
          positive.push_back(*q);
        }
      }
      if (positive.empty() && negative.empty()) return std::nullopt;
      Xapian::Query q =
          positive.empty() ? everything()
                           : Xapian::Query(Xapian::Query::OP_AND, positive.begin(), positive.end());
      if (negative.empty()) return q;
      return Xapian::Query(Xapian::Query::OP_AND_NOT, q,
                           Xapian::Query(Xapian::Query::OP_OR, negative.begin(), negative.end()));
    }
  }
  return std::nullopt;
}

}  // namespace

Xapian::QueryParser make_leaf_parser(const Xapian::Database& db) {
  Xapian::QueryParser parser;
  parser.set_database(db);
  parser.set_stemmer(Xapian::Stem("english"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_default_op(Xapian::Query::OP_AND);
  return parser;
}

Xapian::Query to_xapian_query(const QueryNode& node, Xapian::QueryParser& parser,
                              const Xapian::Database& db) {
  auto q = build(node, parser, db);
  return q ? *q : Xapian::Query::MatchNothing;
}

}  // namespace afterglow::indexer
