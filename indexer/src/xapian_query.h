// The query tree as a Xapian::Query. Free-text leaves go through Xapian's QueryParser (English
// stemming, CJK n-grams, wildcards); fields become boolean terms and value ranges from the schema.
#pragma once

#include <xapian.h>

#include "afterglow/indexer/query.h"

namespace afterglow::indexer {

// A QueryParser set up like the TermGenerator that wrote the index.
Xapian::QueryParser make_leaf_parser(const Xapian::Database& db);

// The Xapian query for a tree, over `db` (date filters are cut to the times it holds). A tree
// of nothing but punctuation has no terms and matches nothing.
Xapian::Query to_xapian_query(const QueryNode& node, Xapian::QueryParser& parser,
                              const Xapian::Database& db);

}  // namespace afterglow::indexer
