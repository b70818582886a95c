#include "job_page.h"

#include <httplib.h>

#include "afterglow/viewer/html_escape.h"
#include "job_card.h"
#include "page.h"
#include "script_words.h"
#include "state.h"

namespace afterglow::server {

void send_job_page(const ServerState& state, const httplib::Request& request,
                   httplib::Response& response, const JobPage& page) {
  using viewer::html_escape;
  PageContext context = page_context(request, state);
  const Lang lang = context.lang;
  std::string main = std::string("<section class=\"") + page.section_class + "\">\n<h1>" +
                     html_escape(word(lang, page.title)) + "</h1>\n<p class=\"lead\">" +
                     html_escape(word(lang, page.lead)) + "</p>\n";
  PageContent content{word(lang, page.title), page.body_class, "", false};
  if (context.app()) {
    main += page.form_html(lang) + job_result_html(lang, page.job, page.download, page.again) +
            script_words_element(lang);
    content.scripts = {"app-common.js", page.script};
  } else {
    main += "<div class=\"read-only-import\"><p>" + html_with_code(word(lang, page.read_only)) +
            "</p>\n<pre class=\"command\">" + html_escape(page.command) + "</pre></div>\n";
  }
  content.main_html = main + "</section>\n";
  send_page(response, context, content);
}

}  // namespace afterglow::server
