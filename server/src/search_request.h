// The search parameters the page and the API share: q, engine, sort, all, and where the page
// of results starts.
#pragma once

#include <string>

#include "afterglow/indexer/index.h"

namespace httplib {
struct Request;
}

namespace afterglow::server {

struct SearchRequest {
  std::string query;
  indexer::SearchOptions options;
};

// engine=xapian|fts5, sort=relevance|newest|oldest, all=1; unknown values fall back to the
// defaults. The page uses page=N (1-based) with `page_size` results; the API limit= and offset=.
SearchRequest search_request_for_page(const httplib::Request& request, int64_t page_size);
SearchRequest search_request_for_api(const httplib::Request& request);

bool flag_param(const httplib::Request& request, const char* name);
// A positive integer parameter, clamped to [min, max]; `fallback` when absent or malformed.
int64_t number_param(const httplib::Request& request, const char* name, int64_t fallback,
                     int64_t min, int64_t max);

}  // namespace afterglow::server
