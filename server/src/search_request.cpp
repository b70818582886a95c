#include "search_request.h"

#include <httplib.h>

#include <charconv>

namespace afterglow::server {
namespace {

// The most results one request may ask for: enough for any page, small enough to bound work.
constexpr int64_t kMaxLimit = 1000;
constexpr int64_t kMaxOffset = 100000;

SearchRequest common(const httplib::Request& request) {
  SearchRequest out;
  out.query = request.get_param_value("q");
  const std::string engine = request.get_param_value("engine");
  out.options.engine = engine == "fts5" ? indexer::Engine::fts5 : indexer::Engine::xapian;
  const std::string sort = request.get_param_value("sort");
  out.options.sort = sort == "newest"   ? indexer::Sort::newest
                     : sort == "oldest" ? indexer::Sort::oldest
                                        : indexer::Sort::relevance;
  out.options.include_all = flag_param(request, "all");
  return out;
}

}  // namespace

bool flag_param(const httplib::Request& request, const char* name) {
  const std::string v = request.get_param_value(name);
  return v == "1" || v == "true" || v == "on" || v == "yes";
}

int64_t number_param(const httplib::Request& request, const char* name, int64_t fallback,
                     int64_t min, int64_t max) {
  const std::string v = request.get_param_value(name);
  int64_t n = 0;
  auto [end, error] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || error != std::errc() || end != v.data() + v.size()) return fallback;
  return n < min ? min : n > max ? max : n;
}

SearchRequest search_request_for_page(const httplib::Request& request, int64_t page_size) {
  SearchRequest out = common(request);
  const int64_t page = number_param(request, "page", 1, 1, kMaxOffset / page_size);
  out.options.limit = page_size;
  out.options.offset = (page - 1) * page_size;
  out.options.per_conversation = 3;  // as the CLI: one long conversation does not fill a page
  return out;
}

SearchRequest search_request_for_api(const httplib::Request& request) {
  SearchRequest out = common(request);
  out.options.limit = number_param(request, "limit", 20, 1, kMaxLimit);
  out.options.offset = number_param(request, "offset", 0, 0, kMaxOffset);
  out.options.per_conversation =
      static_cast<int>(number_param(request, "per_conversation", 3, 0, 1000));
  return out;
}

}  // namespace afterglow::server
