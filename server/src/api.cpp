// The JSON API, mirroring the CLI's --json output: /api/search (afterglow search --json),
// /api/conversations (afterglow list --json), /api/conversations/ID (afterglow show --json).
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "afterglow/indexer/search.h"
#include "afterglow/model/errors.h"
#include "afterglow/model/local_time.h"
#include "afterglow/server/ids.h"
#include "afterglow/viewer/conversation_view.h"
#include "afterglow/viewer/list_view.h"
#include "afterglow/viewer/search_view.h"
#include "json_response.h"
#include "search_request.h"
#include "state.h"
#include "url.h"

namespace afterglow::server {
namespace {

void api_search(ServerState& state, const httplib::Request& request, httplib::Response& response) {
  SearchRequest search = search_request_for_api(request);
  if (search.query.find_first_not_of(' ') == std::string::npos) {
    send_json(response, {{"error", "q: a query is required"}}, 400);
    return;
  }
  try {
    auto archive = state.pool.borrow();
    send_json(response,
              viewer::search_results_json(indexer::search(*archive, search.query, search.options)));
  } catch (const QueryError& e) {
    send_json(response, {{"error", std::string("bad query: ") + e.what()}}, 400);
  } catch (const ArchiveError& e) {
    send_json(response, {{"error", e.what()}}, 503);
  }
}

// The start of a local date (YYYY, YYYY-MM or YYYY-MM-DD), as `afterglow list` reads them.
std::optional<double> date_param(const httplib::Request& request, const char* name) {
  const std::string text = request.get_param_value(name);
  if (text.empty()) return std::nullopt;
  auto range = model::parse_local_date(text);
  if (!range) throw QueryError(std::string(name) + "=" + text + ": not a date (YYYY[-MM[-DD]])");
  return range->begin;
}

void api_conversations(ServerState& state, const httplib::Request& request,
                       httplib::Response& response) {
  store::ListFilter filter;
  filter.model = request.get_param_value("model");
  filter.limit = number_param(request, "limit", -1, 1, 1'000'000);
  try {
    filter.after = date_param(request, "after");
    filter.before = date_param(request, "before");  // exclusive, as `list --before`
  } catch (const QueryError& e) {
    send_json(response, {{"error", e.what()}}, 400);
    return;
  }
  send_json(response, viewer::list_json(state.pool.borrow()->list(filter)));
}

void api_conversation(ServerState& state, const httplib::Request& request,
                      httplib::Response& response) {
  const std::string id = request.matches[1];
  if (!valid_conversation_id(id)) throw NotFound(id + ": not a conversation id");
  std::optional<std::string> account;
  if (request.has_param("account")) account = request.get_param_value("account");
  auto archive = state.pool.borrow();
  store::StoredConversation stored;
  try {
    stored = archive->load(archive->resolve(id, account));
  } catch (const store::AmbiguousConversation& choice) {
    // Several accounts hold this id: the caller picks one with ?account=.
    nlohmann::json accounts = nlohmann::json::array();
    for (const auto& key : choice.candidates) {
      accounts.push_back({{"source", key.source},
                          {"account", key.account},
                          {"url", "/api/conversations/" + url_encode(key.id) +
                                      query_string({{"account", key.account}})}});
    }
    send_json(response, {{"error", choice.what()}, {"accounts", accounts}}, 409);
    return;
  }
  archive.reset();
  viewer::ShowOptions options;
  options.all = flag_param(request, "all");
  send_json(response, viewer::conversation_json(stored, options));
}

}  // namespace

void add_api_routes(httplib::Server& http, ServerState& state) {
  http.Get("/api/search",
           [&state](const httplib::Request& q, httplib::Response& r) { api_search(state, q, r); });
  http.Get("/api/conversations", [&state](const httplib::Request& q, httplib::Response& r) {
    api_conversations(state, q, r);
  });
  http.Get(
      R"(/api/conversations/([^/]+))",
      [&state](const httplib::Request& q, httplib::Response& r) { api_conversation(state, q, r); });
}

}  // namespace afterglow::server
