// The reader: one conversation through the book's renderer, with the reader's links for
// attachments, a switch for hidden messages, and the message a search hit points at.
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "afterglow/indexer/query.h"
#include "afterglow/model/errors.h"
#include "afterglow/server/ids.h"
#include "afterglow/viewer/html_conversation.h"
#include "afterglow/viewer/html_escape.h"
#include "page.h"
#include "search_request.h"
#include "state.h"
#include "url.h"

namespace afterglow::server {
namespace {

using viewer::html_escape;

// The words of the query worth marking in the message it found.
std::vector<std::string> marked_terms(const std::string& query) {
  try {
    return indexer::highlight_terms(indexer::parse_query(query).root);
  } catch (const QueryError&) {
    return {};
  }
}

void conversation_page(ServerState& state, const httplib::Request& request,
                       httplib::Response& response) {
  PageContext context = page_context(request);
  const Lang lang = context.lang;
  const std::string id = request.matches[1];
  if (!valid_conversation_id(id)) throw NotFound(id + ": not a conversation id");
  const bool all = flag_param(request, "all");
  std::string node = request.get_param_value("node");
  if (!node.empty() && !valid_node_id(node)) node.clear();

  auto archive = state.pool.borrow();
  const std::string full_id = archive->resolve_id(id);
  store::StoredConversation stored = archive->load(full_id);
  archive.reset();
  const model::Conversation& c = stored.conversation;

  // The renderer calls on_message for each message in the order it writes them, so the n-th
  // <section class="msg"> is the n-th node listed here; the script gives each its node's id.
  nlohmann::json nodes = nlohmann::json::array();
  viewer::ConversationHtmlOptions view;
  view.lang = lang;
  view.include_hidden = all;
  view.gone_upstream = stored.gone_upstream;
  view.attachment_url = [](const model::Attachment& a) -> std::optional<std::string> {
    return "/blob/" + a.sha256;
  };
  view.on_message = [&](const model::Message& m, bool) {
    for (const auto& n : c.nodes) {
      if (n.message && &*n.message == &m) {
        nodes.push_back(n.id);
        return;
      }
    }
    nodes.push_back(nullptr);
  };
  viewer::ConversationHtml html = viewer::render_conversation_html(c, view);

  QueryParams toggle{{"q", context.query}, {"node", node}};
  if (!all) toggle.emplace_back("all", "1");
  std::string main = "<div class=\"reader-tools\">";
  if (!context.query.empty()) {
    main += "<a class=\"back\" href=\"/search" + html_escape(query_string({{"q", context.query}})) +
            "\">‹ " + html_escape(context.query) + "</a>";
  }
  main += "<a class=\"toggle\" role=\"switch\" aria-checked=\"" +
          std::string(all ? "true" : "false") + "\" href=\"/c/" +
          html_escape(url_encode(full_id) + query_string(toggle)) + "\">" +
          html_escape(word(lang, Word::show_hidden)) + "</a></div>\n";
  main += html.html;
  nlohmann::json data = {
      {"nodes", nodes}, {"target", node}, {"terms", marked_terms(context.query)}};
  main += "<script type=\"application/json\" id=\"reader-data\">" +
          viewer::json_for_script(data.dump()) + "</script>\n";
  send_page(response, context,
            {viewer::conversation_title(c, lang), "reader", main, html.has_math});
}

}  // namespace

void add_conversation_routes(httplib::Server& http, ServerState& state) {
  http.Get(R"(/c/([^/]+))", [&state](const httplib::Request& q, httplib::Response& r) {
    conversation_page(state, q, r);
  });
}

}  // namespace afterglow::server
