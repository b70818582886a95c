// /import: bring a newer export into an archive that already has conversations (the welcome
// page does the same for the first one).
#include <httplib.h>

#include "afterglow/viewer/html_escape.h"
#include "import_panel.h"
#include "state.h"

namespace afterglow::server {
namespace {

void import_page(const ServerState& state, const httplib::Request& request,
                 httplib::Response& response) {
  PageContext context = page_context(request, state);
  const Lang lang = context.lang;
  std::string main = "<section class=\"import-page\">\n<h1>" +
                     viewer::html_escape(word(lang, Word::import_title)) +
                     "</h1>\n<p class=\"lead\">" +
                     viewer::html_escape(word(lang, Word::import_lead)) + "</p>\n" +
                     import_panel_html(context) + "</section>\n";
  PageContent content{word(lang, Word::import_title), "import-page", main, false};
  if (context.app()) content.scripts = kImportScripts;
  send_page(response, context, content);
}

}  // namespace

void add_import_page_routes(httplib::Server& http, ServerState& state) {
  http.Get("/import",
           [&state](const httplib::Request& q, httplib::Response& r) { import_page(state, q, r); });
}

}  // namespace afterglow::server
