// Search results as JSON: one shape for `afterglow search --json` and serve's /api/search.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "afterglow/indexer/index.h"

namespace afterglow::viewer {

// {hits:[{conversation, node, title, create_time, role, model, snippet, highlights, score,
//  branch, hidden}], total, facets:{model, year}, facets_estimated, did_you_mean?}
nlohmann::json search_results_json(const indexer::Results& results);

// Hits grouped by conversation, conversations in the order of their best hit, hits in rank
// order within each group: how the terminal and the web page both show results.
std::vector<std::vector<const indexer::Hit*>> hits_by_conversation(const indexer::Results& results);

}  // namespace afterglow::viewer
