// /book: the form that makes the book from the page (the cover's words, which conversations,
// the look, the format), then, driven by app-book.js, its progress and the download.
#include <httplib.h>

#include "afterglow/viewer/html_escape.h"
#include "job_card.h"
#include "job_page.h"
#include "state.h"

namespace afterglow::server {
namespace {

using viewer::html_escape;

std::string text_field(Lang lang, const char* name, Word label, bool multiline = false) {
  std::string id = std::string("book-") + name;
  std::string out = "<label for=\"" + id + "\">" + html_escape(word(lang, label)) + "</label>";
  if (multiline) {
    out += "<textarea id=\"" + id + "\" name=\"" + name + "\" rows=\"2\"></textarea>\n";
  } else {
    out += "<input type=\"text\" id=\"" + id + "\" name=\"" + name + "\">\n";
  }
  return out;
}

std::string book_form_html(Lang lang) {
  auto w = [lang](Word key) { return html_escape(word(lang, key)); };
  std::string out = "<form class=\"book-form\" id=\"book-form\">\n";
  out += "<fieldset class=\"fields-cover\"><legend>" + w(Word::book_cover) + "</legend>\n";
  out += text_field(lang, "title", Word::book_field_title);
  out += text_field(lang, "subtitle", Word::book_field_subtitle);
  out += text_field(lang, "dedication", Word::book_field_dedication, true);
  out += text_field(lang, "author", Word::book_field_author);
  out += "</fieldset>\n";

  out += "<fieldset class=\"fields-which\"><legend>" + w(Word::book_which) + "</legend>\n";
  out += form_radio(lang, "pick", "all", Word::pick_all, true);
  out += form_radio(lang, "pick", "gpt-4o", Word::pick_gpt4o, false);
  out += form_radio(lang, "pick", "dates", Word::pick_dates, false);
  out += "<div class=\"sub\" data-for=\"dates\"><label for=\"book-from\">" + w(Word::pick_from) +
         "</label> <input type=\"date\" id=\"book-from\" name=\"from\"> <label for=\"book-to\">" +
         w(Word::pick_to) + "</label> <input type=\"date\" id=\"book-to\" name=\"to\"></div>\n";
  out += form_radio(lang, "pick", "search", Word::pick_search, false);
  out +=
      "<div class=\"sub\" data-for=\"search\"><input type=\"search\" id=\"book-query\" "
      "name=\"query\" autocomplete=\"off\" aria-label=\"" +
      w(Word::pick_search) + "\" placeholder=\"" + w(Word::pick_search_hint) + "\"></div>\n";
  out += "</fieldset>\n";

  // Opt-in: reading what it remembered can hurt.
  out += "<fieldset class=\"fields-more\"><legend>" + w(Word::book_more) + "</legend>\n";
  out +=
      "<label class=\"choice\"><input type=\"checkbox\" id=\"book-memories\" "
      "name=\"include_memories\"> <span>" +
      w(Word::book_include_memories) + "</span></label>\n</fieldset>\n";

  out += "<fieldset class=\"fields-look\"><legend>" + w(Word::book_look) + "</legend>\n";
  out += "<label for=\"book-theme\">" + w(Word::book_theme) +
         "</label><select id=\"book-theme\" name=\"theme\">" +
         form_option(lang, "auto", Word::theme_auto) +
         form_option(lang, "light", Word::theme_light) +
         form_option(lang, "dark", Word::theme_dark) + "</select>\n";
  out += "<label for=\"book-paper\">" + w(Word::book_paper) +
         "</label><select id=\"book-paper\" name=\"paper\">" +
         form_option(lang, "a5", Word::paper_a5) + form_option(lang, "a4", Word::paper_a4) +
         "</select>\n";
  // The languages are named in themselves, as on the switch in the header.
  out += "<label for=\"book-lang\">" + w(Word::book_language) +
         "</label><select id=\"book-lang\" name=\"lang\">" +
         form_option(lang, "", Word::book_language_auto) +
         "<option value=\"zh\">中文</option><option value=\"en\">English</option></select>\n";
  out += "</fieldset>\n";

  out += "<fieldset class=\"fields-format\"><legend>" + w(Word::book_format) + "</legend>\n";
  out += form_radio(lang, "format", "single-file", Word::format_single, true);
  out += form_radio(lang, "format", "folder", Word::format_folder, false);
  out += form_radio(lang, "format", "pdf", Word::format_pdf, false);
  out += "<p class=\"quiet\" id=\"no-pdf\" hidden>" + w(Word::no_pdf_note) + "</p>\n";
  out += "</fieldset>\n";
  out += "<p><button type=\"submit\" id=\"book-make\">" + w(Word::make_book) + "</button></p>\n";
  out += "</form>\n";
  return out;
}

constexpr JobPage kBookPage{"book",
                            "book-page",
                            "book-maker",
                            Word::book_title,
                            Word::book_lead,
                            Word::download_book,
                            Word::make_another,
                            Word::read_only_book,
                            "afterglow book --single-file book.html",
                            "app-book.js",
                            book_form_html};

}  // namespace

void add_book_page_routes(httplib::Server& http, ServerState& state) {
  http.Get("/book", [&state](const httplib::Request& q, httplib::Response& r) {
    send_job_page(state, q, r, kBookPage);
  });
}

}  // namespace afterglow::server
