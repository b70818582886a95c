#include "import_panel.h"

#include "afterglow/viewer/html_escape.h"
#include "job_card.h"
#include "script_words.h"

namespace afterglow::server {
namespace {

using viewer::html_escape;

std::string read_only_html(Lang lang) {
  return "<div class=\"read-only-import\">\n<p>" +
         html_with_code(word(lang, Word::read_only_import)) +
         "</p>\n<pre class=\"command\">afterglow import chatgpt-export.zip</pre>\n</div>\n";
}

}  // namespace

std::string import_panel_html(const PageContext& context) {
  const Lang lang = context.lang;
  if (!context.app()) return read_only_html(lang);
  auto w = [lang](Word key) { return html_escape(word(lang, key)); };
  std::string out = "<div class=\"import-panel\" id=\"import-panel\">\n";
  // Before: where the export goes in.
  out += "<div class=\"import-start\" id=\"import-start\">\n";
  out += "<div class=\"drop-zone\" id=\"drop-zone\">\n<p class=\"drop-hint\">" +
         w(Word::drop_here) + "</p>\n<p class=\"drop-note\">" + w(Word::welcome_bring_text) +
         "</p>\n<p><label class=\"button\" for=\"import-file\">" + w(Word::choose_file) +
         "</label><input type=\"file\" id=\"import-file\" class=\"visually-hidden\" "
         "accept=\".zip,.json,application/zip,application/json\"></p>\n</div>\n";
  out += "<form class=\"import-path\" id=\"import-path\">\n<label for=\"path-input\">" +
         w(Word::path_label) +
         "</label>\n<div class=\"path-row\"><input type=\"text\" id=\"path-input\" name=\"path\" "
         "spellcheck=\"false\" autocomplete=\"off\" placeholder=\"" +
         w(Word::path_placeholder) + "\"><button type=\"submit\">" + w(Word::path_button) +
         "</button></div>\n</form>\n</div>\n";
  // During: the phase, the bar, what has been done and the time left.
  out += job_progress_html(lang, "import");
  // After: the summary in words, or one sentence about what went wrong.
  out +=
      "<div class=\"job-result\" id=\"import-result\" hidden>\n"
      "<p class=\"result-title\" id=\"import-summary-title\"></p>\n"
      "<ul class=\"summary\" id=\"import-summary\"></ul>\n"
      "<details id=\"import-warnings\" hidden><summary>" +
      w(Word::warnings_details) + "</summary><ul></ul></details>\n";
  out += "<p class=\"actions\"><a class=\"button\" href=\"/conversations\" id=\"import-open\">" +
         w(Word::see_conversations) + "</a> <button type=\"button\" class=\"secondary\" " +
         "id=\"import-again\">" + w(Word::import_another) + "</button></p>\n</div>\n";
  out += "<p class=\"problem\" id=\"import-error\" role=\"alert\" hidden></p>\n";
  out += "</div>\n";
  out += script_words_element(lang);
  return out;
}

}  // namespace afterglow::server
