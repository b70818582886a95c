// Search results as JSON: one shape for `afterglow search --json` and serve's /api/search.
#pragma once

#include <nlohmann/json.hpp>

#include "afterglow/indexer/index.h"

namespace afterglow::viewer {

// {hits:[{conversation, node, title, create_time, role, model, snippet, highlights, score,
//  branch, hidden}], total, facets:{model, year}, facets_estimated, did_you_mean?}
nlohmann::json search_results_json(const indexer::Results& results);

}  // namespace afterglow::viewer
