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

// The words of the query worth marking in the message it found, and the models it asked for
// (whose page marks another model's answers).
struct QueryMarks {
  std::vector<std::string> terms, models;
};
QueryMarks query_marks(const std::string& query) {
  try {
    const auto parsed = indexer::parse_query(query);
    return {indexer::highlight_terms(parsed.root), indexer::featured_models(parsed.root)};
  } catch (const QueryError&) {
    return {};
  }
}

// Two or more accounts hold the conversation id and the address named none: a link to each copy.
void account_choice_page(const PageContext& context, const std::string& id,
                         const store::AmbiguousConversation& choice,
                         const httplib::Request& request, httplib::Response& response) {
  const Lang lang = context.lang;
  std::string main = "<h1>" + html_escape(word(lang, Word::choose_account)) + "</h1>\n<p>" +
                     html_escape(word(lang, Word::choose_account_text)) +
                     "</p>\n<ul class=\"accounts\">\n";
  for (const auto& key : choice.candidates) {
    QueryParams params{{"account", key.account},
                       {"q", context.query},
                       {"node", request.get_param_value("node")},
                       {"all", request.get_param_value("all")}};
    std::string name = key.account.empty() ? "?" : key.account;
    if (key.source != choice.candidates.front().source) name += " (" + key.source + ")";
    main += "<li><a href=\"/c/" + html_escape(url_encode(id) + query_string(params)) + "\">" +
            html_escape(name) + "</a></li>\n";
  }
  main += "</ul>\n";
  send_page(response, context, {word(lang, Word::choose_account), "reader", main}, 300);
}

void conversation_page(ServerState& state, const httplib::Request& request,
                       httplib::Response& response) {
  PageContext context = page_context(request, state);
  const Lang lang = context.lang;
  const std::string id = request.matches[1];
  if (!valid_conversation_id(id)) throw NotFound(id + ": not a conversation id");
  const bool all = flag_param(request, "all");
  std::string node = request.get_param_value("node");
  if (!node.empty() && !valid_node_id(node)) node.clear();

  std::optional<std::string> account;
  if (request.has_param("account")) account = request.get_param_value("account");

  auto archive = state.pool.borrow();
  store::ConversationKey key;
  try {
    key = archive->resolve(id, account);
  } catch (const store::AmbiguousConversation& choice) {
    archive.reset();
    account_choice_page(context, id, choice, request, response);
    return;
  }
  const std::string& full_id = key.id;
  store::StoredConversation stored = archive->load(key);
  archive.reset();
  const model::Conversation& c = stored.conversation;

  // The renderer calls on_message for each message in the order it writes them, so the n-th
  // <section class="msg"> is the n-th node listed here; the script gives each its node's id.
  nlohmann::json nodes = nlohmann::json::array();
  const QueryMarks marks = query_marks(context.query);
  viewer::ConversationHtmlOptions view;
  view.lang = lang;
  view.featured_models = marks.models;
  view.include_hidden = all;
  view.gone_upstream = stored.gone_upstream;
  view.project_name = stored.project_name;
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

  QueryParams toggle{{"account", account.value_or("")}, {"q", context.query}, {"node", node}};
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
  nlohmann::json data = {{"nodes", nodes}, {"target", node}, {"terms", marks.terms}};
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
