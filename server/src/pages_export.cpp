// /export: the form that exports the archive's conversations in an open format from the page
// (which format, which conversations, the headings' language, the packet's size), then, driven
// by app-export.js, its progress and the download.
#include <httplib.h>

#include "afterglow/exporter/writer.h"
#include "afterglow/viewer/html_escape.h"
#include "job_card.h"
#include "job_page.h"
#include "state.h"

namespace afterglow::server {
namespace {

using viewer::html_escape;

std::string export_form_html(Lang lang) {
  auto w = [lang](Word key) { return html_escape(word(lang, key)); };
  std::string out = "<form class=\"book-form\" id=\"export-form\">\n";
  out += "<fieldset class=\"fields-format\"><legend>" + w(Word::book_format) + "</legend>\n";
  out += form_radio(lang, "format", "markdown", Word::export_markdown, true);
  out += form_radio(lang, "format", "obsidian", Word::export_obsidian, false);
  out += form_radio(lang, "format", "html", Word::export_html, false);
  out += form_radio(lang, "format", "packet", Word::export_packet, false);
  out += "<div class=\"sub\" data-format=\"packet\"><label for=\"export-budget\">" +
         w(Word::export_budget) +
         "</label> <input type=\"number\" id=\"export-budget\" name=\"budget\" min=\"1000\" "
         "step=\"1000\" value=\"" +
         std::to_string(exporter::kDefaultPacketBudget) + "\"></div>\n";
  out += form_radio(lang, "format", "chatgpt", Word::export_chatgpt, false);
  out += form_radio(lang, "format", "jsonl", Word::export_jsonl, false);
  out += "</fieldset>\n";

  out += "<fieldset class=\"fields-which\"><legend>" + w(Word::export_which) + "</legend>\n";
  out += form_radio(lang, "pick", "all", Word::pick_all, true);
  out += form_radio(lang, "pick", "gpt-4o", Word::export_pick_gpt4o, false);
  out += form_radio(lang, "pick", "search", Word::pick_search, false);
  out +=
      "<div class=\"sub\" data-for=\"search\"><input type=\"search\" id=\"export-query\" "
      "name=\"query\" autocomplete=\"off\" aria-label=\"" +
      w(Word::pick_search) + "\" placeholder=\"" + w(Word::pick_search_hint) + "\"></div>\n";
  out += "</fieldset>\n";

  // The languages are named in themselves, as on the switch in the header.
  out += "<fieldset class=\"fields-look\"><legend>" + w(Word::export_language) + "</legend>\n";
  out += "<select id=\"export-lang\" name=\"lang\" aria-label=\"" + w(Word::export_language) +
         "\">" + form_option(lang, "", Word::book_language_auto) +
         "<option value=\"zh\">中文</option><option value=\"en\">English</option></select>\n";
  out += "</fieldset>\n";
  out +=
      "<p><button type=\"submit\" id=\"export-make\">" + w(Word::export_make) + "</button></p>\n";
  out += "</form>\n";
  return out;
}

constexpr JobPage kExportPage{"export",
                              "book-page export-page",
                              "export-maker",
                              Word::export_title,
                              Word::export_lead,
                              Word::download_export,
                              Word::export_another,
                              Word::read_only_export,
                              "afterglow export --format markdown --out notes",
                              "app-export.js",
                              export_form_html};

}  // namespace

void add_export_page_routes(httplib::Server& http, ServerState& state) {
  http.Get("/export", [&state](const httplib::Request& q, httplib::Response& r) {
    send_job_page(state, q, r, kExportPage);
  });
}

}  // namespace afterglow::server
