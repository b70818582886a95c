// The query tree as SQL over the FTS5 tables. Terms of three or more characters become trigram
// substring matches; shorter ones, which trigrams cannot find, become LIKE over the rows that the
// rest of the query leaves (a scan of the candidate set).
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "afterglow/indexer/query.h"

namespace afterglow::indexer {

// A value bound to one of the SQL's parameters.
using SqlValue = std::variant<std::string, double, int64_t>;

struct Fts5Query {
  // The FTS5 MATCH expression that drives the search and ranks it (bm25); empty when no
  // positive term is long enough, and the search scans the candidate rows instead.
  std::string match;
  // A condition over `search_message AS m` and `search_text` for everything else; "1" if none.
  std::string where;
  std::vector<SqlValue> where_params;
};

Fts5Query to_fts5_query(const QueryNode& root);

}  // namespace afterglow::indexer
