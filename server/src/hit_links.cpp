#include "hit_links.h"

#include "url.h"

namespace afterglow::server {

std::string hit_url(const indexer::Hit& hit, const std::string& query) {
  // The account picks the copy when two accounts hold the conversation id.
  QueryParams params{{"node", hit.node}, {"q", query}, {"account", hit.account}};
  if (hit.hidden) params.emplace_back("all", "1");
  return "/c/" + url_encode(hit.conversation) + query_string(params) + "#m-" + url_encode(hit.node);
}

}  // namespace afterglow::server
