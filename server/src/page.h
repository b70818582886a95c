// The frame every page of the reader shares: head (the book's stylesheet and the reader's), a
// header with the search box and the language switch, and the scripts, all from /assets/ (the
// Content-Security-Policy allows no inline script).
#pragma once

#include <string>
#include <vector>

#include "url.h"
#include "words.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace afterglow::server {

struct ServerState;

// What a page handler knows about the request it answers.
struct PageContext {
  Lang lang = Lang::en;
  std::string path;          // as requested, e.g. "/search"
  QueryParams params;        // the request's query parameters except lang and token
  std::string query;         // the search box's text ("" when none)
  bool lang_chosen = false;  // ?lang= was given: remember it
  // The app's write token (see state.h): empty on a read-only server. When set, the page
  // carries it for its script, and the header offers importing and making a book.
  std::string write_token;

  bool app() const { return !write_token.empty(); }

  // This page's URL with `lang` changed, for the language switch.
  std::string switch_language_url() const;
};

PageContext page_context(const httplib::Request& request);
// The same, knowing whether this server is the app (pages of the app carry its write token).
PageContext page_context(const httplib::Request& request, const ServerState& state);

struct PageContent {
  std::string title;
  std::string body_class;  // "home", "search-page", "reader"
  std::string main_html;   // inside <main>
  bool math = false;       // load KaTeX (the page has math and it was embedded)
  // More of the reader's scripts from /assets/, loaded after serve.js (e.g. "app-import.js").
  std::vector<std::string> scripts = {};
};

std::string page_html(const PageContext& context, const PageContent& content);

// Writes a page with the status, remembering an explicit ?lang= choice in a cookie.
void send_page(httplib::Response& response, const PageContext& context, const PageContent& content,
               int status = 200);

// `text` escaped for HTML, with each `command` between backquotes set as <code>command</code>.
std::string html_with_code(std::string_view text);

// A short page saying what went wrong (404, 403, 400, 500), in the request's language.
std::string error_page_html(const PageContext& context, int status, const std::string& detail);

}  // namespace afterglow::server
