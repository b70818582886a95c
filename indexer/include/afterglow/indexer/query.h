// The query language, parsed into a tree that knows nothing of Xapian or SQLite:
//   words  "phrases"  -not  a OR b  a AND b  (groups)  prefix*  field:value
// Implicit AND binds tighter than OR: `a b OR c` is `(a b) OR c`. OR and AND are operators
// only in capitals. A malformed query throws afterglow::QueryError with a one-line explanation.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "afterglow/indexer/schema.h"
#include "afterglow/store/archive.h"

namespace afterglow::indexer {

// A conversation as the archive holds it for one account (the same id may be held twice).
struct ConversationCopy {
  std::string source, account, id;
};

struct QueryNode {
  enum class Type {
    word,    // text: one word as typed (may hold punctuation, CJK without spaces)
    phrase,  // text: the words between quotes
    prefix,  // text: the part before the trailing '*'
    field,   // field + values (or text/phrase for text fields, range for dates)
    all_of,  // children, AND
    any_of,  // children, OR
    negate,  // one child, NOT
  };
  Type type = Type::word;
  std::string text;
  const Field* field = nullptr;
  // field: keyword/flag/conversation alternatives ("user|assistant" -> {user, assistant}),
  // lower-cased except conversation ids; `text_type` tells how a text field's text was written.
  std::vector<std::string> values;
  Type text_type = Type::word;
  // Date fields: the half-open span of epoch seconds, resolved in the local time zone.
  std::optional<double> from, until;
  // Keepsake fields: the messages they name, as "<conversation>/<node>", filled in from the
  // archive by resolve_keepsakes() before the query runs.
  std::vector<std::string> messages;
  // Project fields: the value as typed (values holds it lower-cased), and the conversations it
  // names, filled in from the archive by resolve_projects() before the query runs.
  std::string typed;
  std::vector<ConversationCopy> conversations;
  // Where the token stood in the query string, for "did you mean" rewriting.
  size_t offset = 0, length = 0;
  std::vector<QueryNode> children;
};

struct Query {
  std::string text;  // as typed
  QueryNode root;
};

// Limits far above what a person types, so that a pasted or generated query cannot exhaust
// the stack of the recursive parser (or of the engines walking its tree) or its memory: deeper
// groups and negations, or more characters (UTF-8 code points, so Chinese counts as English
// does), are a QueryError.
inline constexpr size_t kMaxQueryDepth = 32;
inline constexpr size_t kMaxQueryCharacters = 2000;

// Parses a query; dates are resolved in the local time zone (TZ) at the time of the call.
Query parse_query(std::string_view text);

// Fills in the messages of every keepsake field (is:starred) from the archive's keepsakes.
void resolve_keepsakes(QueryNode& node, const store::Archive& archive);
// Fills in the conversations of every project field (project:, gpt:) from the archive: those
// whose gizmo id is the value, or whose project's or GPT's name contains it (ASCII letters
// matched in any case).
void resolve_projects(QueryNode& node, const store::Archive& archive);

// The positive text terms of a query (not under a negation), for highlighting: words, phrases
// and prefixes, without title: terms.
std::vector<std::string> highlight_terms(const QueryNode& node);

// The models a query asks for (model:gpt-4o, model:gpt-4*: the values of the model: fields not
// under a negation, lower-cased, a prefix keeping its '*'): what a book or page made from it is
// about, so that turns another model answered can be marked.
std::vector<std::string> featured_models(const QueryNode& node);
// Whether `model` is one of `featured` (a value ending in '*' is a prefix); no featured models:
// every model is.
bool is_featured_model(const std::vector<std::string>& featured, std::string_view model);

// A readable rendering of the tree, for tests and debugging: (and a (or b c) (not d) model:x).
std::string to_string(const QueryNode& node);

}  // namespace afterglow::indexer
