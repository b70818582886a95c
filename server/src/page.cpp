#include "page.h"

#include <httplib.h>

#include "afterglow/server/access_token.h"
#include "afterglow/viewer/html_assets.h"
#include "afterglow/viewer/html_escape.h"
#include "request_lang.h"
#include "state.h"

namespace afterglow::server {
namespace {

using viewer::html_escape;

std::string lang_param(Lang lang) { return lang == Lang::zh ? "zh" : "en"; }

}  // namespace

std::string PageContext::switch_language_url() const {
  QueryParams p = params;
  p.emplace_back("lang", lang_param(lang == Lang::zh ? Lang::en : Lang::zh));
  return path + query_string(p);
}

PageContext page_context(const httplib::Request& request) {
  PageContext context;
  context.lang = choose_lang(request.get_param_value("lang"), request.get_header_value("Cookie"),
                             request.get_header_value("Accept-Language"));
  context.lang_chosen = lang_from_code(request.get_param_value("lang")).has_value();
  context.path = request.path;
  for (const auto& [key, value] : request.params) {
    if (key == "lang" || key == "token") continue;
    context.params.emplace_back(key, value);
  }
  context.query = request.get_param_value("q");
  return context;
}

PageContext page_context(const httplib::Request& request, const ServerState& state) {
  PageContext context = page_context(request);
  context.write_token = state.write_token;
  return context;
}

std::string page_html(const PageContext& context, const PageContent& content) {
  const Lang lang = context.lang;
  std::string out = "<!DOCTYPE html>\n<html lang=\"";
  out += viewer::lang_code(lang);
  out += "\" data-theme=\"auto\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"referrer\" content=\"no-referrer\">\n";
  out += "<meta name=\"color-scheme\" content=\"light dark\">\n";
  if (context.app()) {
    out += "<meta name=\"" + std::string(kWriteTokenMeta) + "\" content=\"" +
           html_escape(context.write_token) + "\">\n";
  }
  out += "<title>" + html_escape(content.title) + " · afterglow</title>\n";
  out += "<link rel=\"icon\" href=\"data:,\">\n";
  out += "<link rel=\"stylesheet\" href=\"/assets/book.css\">\n";
  if (content.math) out += "<link rel=\"stylesheet\" href=\"/assets/katex/katex.min.css\">\n";
  out += "<link rel=\"stylesheet\" href=\"/assets/serve.css\">\n";
  out += "<link rel=\"stylesheet\" href=\"/assets/app.css\">\n";
  out += "</head>\n<body class=\"served " + html_escape(content.body_class) + "\" data-copy=\"" +
         html_escape(viewer::tr(lang, viewer::Text::copy)) + "\" data-copied=\"" +
         html_escape(viewer::tr(lang, viewer::Text::copied)) + "\">\n";

  out += "<header class=\"site\">\n<div class=\"bar\">\n";
  out +=
      "<a class=\"brand\" href=\"/\"><span class=\"glow\" aria-hidden=\"true\">✦</span> "
      "afterglow</a>\n";
  out += "<form class=\"search-box\" action=\"/search\" method=\"get\" role=\"search\">";
  out += "<input type=\"search\" name=\"q\" id=\"q\" autocomplete=\"off\" value=\"" +
         html_escape(context.query) + "\" placeholder=\"" +
         html_escape(word(lang, Word::search_placeholder)) + "\" aria-label=\"" +
         html_escape(word(lang, Word::search_button)) + "\">";
  out += "<button type=\"submit\">" + html_escape(word(lang, Word::search_button)) + "</button>";
  out += "</form>\n<nav class=\"links\">";
  out += "<a href=\"/conversations\">" + html_escape(word(lang, Word::all_conversations)) + "</a>";
  out += "<a href=\"/remembered\">" + html_escape(word(lang, Word::nav_remembered)) + "</a>";
  if (context.app()) {
    out += "<a href=\"/book\">" + html_escape(word(lang, Word::nav_book)) + "</a>";
    out += "<a href=\"/export\">" + html_escape(word(lang, Word::nav_export)) + "</a>";
    out += "<a href=\"/import\">" + html_escape(word(lang, Word::nav_import)) + "</a>";
  }
  out += "<a class=\"lang-switch\" href=\"" + html_escape(context.switch_language_url()) +
         "\" hreflang=\"" + (lang == Lang::zh ? "en" : "zh-CN") + "\">" +
         html_escape(word(lang, Word::switch_language)) + "</a>";
  out += "</nav>\n</div>\n</header>\n";

  out += "<main>\n" + content.main_html + "</main>\n";
  out += "<footer class=\"site\"><p>" +
         html_escape(word(lang, context.app() ? Word::app_note : Word::read_only_note)) +
         "</p></footer>\n";
  if (content.math && viewer::math_renderer_available()) {
    out += "<script src=\"/assets/katex/katex.min.js\"></script>\n";
  }
  out += "<script src=\"/assets/book.js\"></script>\n";
  out += "<script src=\"/assets/serve.js\"></script>\n";
  for (const auto& script : content.scripts) {
    out += "<script src=\"/assets/" + html_escape(script) + "\"></script>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

void send_page(httplib::Response& response, const PageContext& context, const PageContent& content,
               int status) {
  response.status = status;
  response.set_header("Cache-Control", "no-store");
  if (context.lang_chosen) {
    response.set_header("Set-Cookie", std::string(kLangCookie) + "=" + lang_param(context.lang) +
                                          "; Path=/; Max-Age=31536000; SameSite=Strict");
  }
  response.set_content(page_html(context, content), "text/html; charset=utf-8");
}

std::string html_with_code(std::string_view text) {
  std::string out;
  bool in_code = false;
  for (size_t start = 0; start <= text.size();) {
    size_t tick = text.find('`', start);
    std::string_view piece =
        text.substr(start, tick == std::string_view::npos ? text.npos : tick - start);
    // An unmatched last backquote is just a character.
    if (tick == std::string_view::npos) {
      if (in_code) out += "`";
      out += html_escape(piece);
      break;
    }
    if (in_code) {
      out += "<code>" + html_escape(piece) + "</code>";
    } else {
      out += html_escape(piece);
    }
    in_code = !in_code;
    start = tick + 1;
  }
  return out;
}

std::string error_page_html(const PageContext& context, int status, const std::string& detail) {
  Word title = status == 404   ? Word::not_found
               : status == 403 ? Word::forbidden
               : status == 400 ? Word::bad_request
               : status >= 500 ? Word::server_error
                               : Word::not_found;
  Word text = status == 404   ? Word::not_found_text
              : status == 403 ? Word::forbidden_text
              : status == 400 ? Word::bad_request_text
              : status >= 500 ? Word::server_error_text
                              : Word::not_found_text;
  std::string main = "<section class=\"problem\">\n<p class=\"code\">" + std::to_string(status) +
                     "</p>\n<h1>" + html_escape(word(context.lang, title)) + "</h1>\n<p>" +
                     html_escape(detail.empty() ? word(context.lang, text) : detail) +
                     "</p>\n<p><a href=\"/\">" + html_escape(word(context.lang, Word::home)) +
                     "</a></p>\n</section>\n";
  return page_html(context, {word(context.lang, title), "problem-page", main, false});
}

}  // namespace afterglow::server
