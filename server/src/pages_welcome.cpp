#include "pages_welcome.h"

#include "afterglow/viewer/html_escape.h"
#include "import_panel.h"

namespace afterglow::server {

PageContent welcome_page(const PageContext& context) {
  const Lang lang = context.lang;
  auto w = [lang](Word key) { return viewer::html_escape(word(lang, key)); };
  std::string main = "<section class=\"welcome\">\n<h1>" + w(Word::welcome_heading) +
                     "</h1>\n<p class=\"lead\">" + w(Word::welcome_lead) + "</p>\n";
  main += "<h2>" + w(Word::welcome_step_export) + "</h2>\n<ol class=\"steps\">\n<li>" +
          w(Word::welcome_export_settings) + "</li>\n<li>" + w(Word::welcome_export_email) +
          "</li>\n<li>" + w(Word::welcome_export_portal) + "</li>\n</ol>\n";
  // Most people come with ChatGPT's export; the others are one short list, not a second guide.
  main += "<p class=\"other-companions\">" + w(Word::welcome_other_companions) +
          "</p>\n<ul>\n<li>" + w(Word::welcome_other_claude) + "</li>\n<li>" +
          w(Word::welcome_other_gemini) + "</li>\n<li>" + w(Word::welcome_other_grok) +
          "</li>\n</ul>\n";
  main += "<h2>" + w(Word::welcome_step_bring) + "</h2>\n";
  main += import_panel_html(context);
  main += "</section>\n";
  PageContent content{word(lang, Word::welcome_title), "welcome-page", main, false};
  if (context.app()) content.scripts = kImportScripts;
  return content;
}

}  // namespace afterglow::server
