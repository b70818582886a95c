#include "book_pages.h"

#include <ctime>
#include <map>

#include "afterglow/viewer/html_escape.h"
#include "afterglow/viewer/text_style.h"

namespace afterglow::viewer {
namespace {

const char* theme_name(Theme theme) {
  switch (theme) {
    case Theme::light:
      return "light";
    case Theme::dark:
      return "dark";
    case Theme::automatic:
      return "auto";
  }
  return "auto";
}

// Nothing in a book may reach the network, and only the book's own scripts may run: even a
// string that escaped escaping could neither execute nor fetch. Inline styles stay allowed
// because KaTeX positions glyphs with style attributes; styles cannot run code.
std::string content_security_policy(const PageFrame& frame) {
  std::string scripts;
  if (!frame.scripts.empty()) scripts += " 'self'";
  for (const auto& s : frame.inline_scripts) scripts += " '" + csp_hash(s) + "'";
  if (scripts.empty()) scripts = " 'none'";
  return "default-src 'none'; script-src" + scripts +
         "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; media-src 'self' data:; "
         "font-src 'self' data:; base-uri 'none'; form-action 'none'";
}

std::string escaped(std::string_view s) { return html_escape(s); }

}  // namespace

std::string page_start(const PageFrame& frame) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"";
  out += lang_code(frame.lang);
  out += "\" data-theme=\"";
  out += theme_name(frame.theme);
  out += "\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"" +
         escaped(content_security_policy(frame)) + "\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"referrer\" content=\"no-referrer\">\n";
  out += "<meta name=\"color-scheme\" content=\"light dark\">\n";
  out += "<title>" + escaped(frame.title) + "</title>\n";
  for (const auto& href : frame.stylesheets) {
    out += "<link rel=\"stylesheet\" href=\"" + escaped(href) + "\">\n";
  }
  if (!frame.inline_style.empty()) out += "<style>\n" + frame.inline_style + "\n</style>\n";
  out += "</head>\n<body";
  if (!frame.body_class.empty()) out += " class=\"" + escaped(frame.body_class) + "\"";
  out += " data-copy=\"" + escaped(tr(frame.lang, Text::copy)) + "\" data-copied=\"" +
         escaped(tr(frame.lang, Text::copied)) + "\"";
  out += ">\n";
  return out;
}

std::string page_end(const PageFrame& frame) {
  std::string out;
  for (const auto& src : frame.scripts) out += "<script src=\"" + escaped(src) + "\"></script>\n";
  for (const auto& code : frame.inline_scripts) out += "<script>" + code + "</script>\n";
  out += "</body>\n</html>\n";
  return out;
}

std::string date_span(Lang lang, const BookStats& stats) {
  auto first = stats.first_time(), last = stats.last_time();
  if (!first || !last) return "";
  LocalParts a = local_parts(*first), b = local_parts(*last);
  std::string from = format_month(lang, a.year, a.month);
  std::string to = format_month(lang, b.year, b.month);
  return from == to ? from : from + " – " + to;
}

std::string cover_html(const BookOptions& options, Lang lang, const BookStats& stats) {
  std::string title = options.title.empty() ? tr(lang, Text::default_title) : options.title;
  std::string out = "<section class=\"cover\">\n<div class=\"cover-inner\">\n";
  out += "<p class=\"ornament\" aria-hidden=\"true\">✦</p>\n";
  out += "<h1 class=\"book-title\">" + escaped(title) + "</h1>\n";
  if (!options.subtitle.empty()) {
    out += "<p class=\"subtitle\">" + escaped(options.subtitle) + "</p>\n";
  }
  if (!options.author.empty()) {
    out += "<p class=\"author\">" + escaped(tr(lang, Text::by_author, {{"name", options.author}})) +
           "</p>\n";
  }
  out += "<hr class=\"rule\">\n";
  if (!options.dedication.empty()) {
    out += "<p class=\"dedication\">" + escaped(options.dedication) + "</p>\n";
  }
  if (std::string span = date_span(lang, stats); !span.empty()) {
    out += "<p class=\"span\">" + escaped(span) + "</p>\n";
  }
  size_t n = stats.entries().size();
  std::string count =
      n == 1 ? tr(lang, Text::one_conversation)
             : tr(lang, Text::conversations, {{"n", group_thousands(static_cast<long long>(n))}});
  out += "<p class=\"counts\">" + escaped(count) + " · " +
         escaped(tr(lang, Text::words, {{"n", group_thousands(stats.words())}})) + "</p>\n";
  out += "</div>\n</section>\n";
  return out;
}

std::string top_nav_html(Lang lang, const BookLinks& links) {
  std::string out = "<nav class=\"top\">";
  out +=
      "<a href=\"" + escaped(links.contents) + "\">" + escaped(tr(lang, Text::contents)) + "</a>";
  out +=
      "<a href=\"" + escaped(links.memories) + "\">" + escaped(tr(lang, Text::memories)) + "</a>";
  if (!links.remembered.empty()) {
    out += "<a href=\"" + escaped(links.remembered) + "\">" + escaped(tr(lang, Text::remembered)) +
           "</a>";
  }
  out += "<a href=\"" + escaped(links.about) + "\">" + escaped(tr(lang, Text::about_book)) + "</a>";
  out += "</nav>\n";
  return out;
}

std::string search_html(Lang lang) {
  std::string out = "<section class=\"search\" id=\"search\">\n";
  out += "<input type=\"search\" id=\"search-input\" autocomplete=\"off\" placeholder=\"" +
         escaped(tr(lang, Text::search_placeholder)) + "\" aria-label=\"" +
         escaped(tr(lang, Text::search)) + "\" hidden>\n";
  out += "<p class=\"search-status\" id=\"search-status\" aria-live=\"polite\"></p>\n";
  out += "<ol class=\"search-results\" id=\"search-results\"></ol>\n";
  out += "<noscript><p>" + escaped(tr(lang, Text::search_unavailable)) + "</p></noscript>\n";
  // The script reads its words from here, so the interface strings stay in one table.
  out += "<template id=\"search-strings\" data-none=\"" +
         escaped(tr(lang, Text::search_no_results)) + "\" data-count=\"" +
         escaped(tr(lang, Text::search_results, {{"n", "{n}"}})) + "\"></template>\n";
  out += "</section>\n";
  return out;
}

std::string contents_html(Lang lang, const BookStats& stats, const BookLinks& links) {
  std::string out =
      "<nav class=\"toc\" id=\"contents\">\n<h2>" + escaped(tr(lang, Text::contents)) + "</h2>\n";
  out += "<p class=\"toc-links\"><a href=\"" + escaped(links.memories) + "\">" +
         escaped(tr(lang, Text::memories)) + "</a> · ";
  if (!links.remembered.empty()) {
    out += "<a href=\"" + escaped(links.remembered) + "\">" + escaped(tr(lang, Text::remembered)) +
           "</a> · ";
  }
  out += "<a href=\"" + escaped(links.about) + "\">" + escaped(tr(lang, Text::about_book)) +
         "</a></p>\n";
  int year = -1, month = -1;
  bool open_list = false;
  auto close_list = [&] {
    if (open_list) out += "</ol>\n";
    open_list = false;
  };
  bool undated_heading = false;
  for (const auto& e : stats.entries()) {
    if (e.create_time) {
      LocalParts p = local_parts(*e.create_time);
      if (p.year != year) {
        close_list();
        out += "<h3 class=\"year\">" + std::to_string(p.year) + "</h3>\n";
        year = p.year;
        month = -1;
      }
      if (p.month != month) {
        close_list();
        out += "<h4 class=\"month\">" + escaped(month_name(lang, p.month)) + "</h4>\n";
        month = p.month;
      }
    } else if (!undated_heading) {
      close_list();
      out += "<h3 class=\"year\">–</h3>\n";
      undated_heading = true;
    }
    if (!open_list) out += "<ol class=\"entries\">\n";
    open_list = true;
    out += "<li><a href=\"" + escaped(e.href) + "\"><span class=\"day\">";
    if (e.create_time) out += std::to_string(local_parts(*e.create_time).day);
    out += "</span><span class=\"title\">" + escaped(e.title) + "</span><span class=\"count\">" +
           group_thousands(e.messages) + "</span></a></li>\n";
  }
  close_list();
  out += "</nav>\n";
  return out;
}

std::string about_html(const BookOptions& options, Lang lang, const BookStats& stats,
                       const std::vector<store::OriginalFile>& originals, bool math_rendered,
                       bool has_math, const std::string& digests_href) {
  std::string out = "<section class=\"about\" id=\"about\">\n<h2>" +
                    escaped(tr(lang, Text::about_book)) + "</h2>\n";
  out += "<p>" + escaped(tr(lang, Text::about_intro)) + "</p>\n";
  auto first = stats.first_time(), last = stats.last_time();
  std::string from = first ? format_day(lang, local_parts(*first)) : "?";
  std::string to = last ? format_day(lang, local_parts(*last)) : "?";
  out += "<p>" +
         escaped(tr(lang, Text::about_included,
                    {{"n", group_thousands(static_cast<long long>(stats.entries().size()))},
                     {"from", from},
                     {"to", to}})) +
         " " + escaped(tr(lang, Text::messages, {{"n", group_thousands(stats.messages())}})) +
         " · " + escaped(tr(lang, Text::words, {{"n", group_thousands(stats.words())}})) + "</p>\n";
  out += "<p>" +
         escaped(options.selection.empty()
                     ? tr(lang, Text::about_everything)
                     : tr(lang, Text::about_filter, {{"filter", options.selection}})) +
         "</p>\n";
  out += "<p>" +
         escaped(tr(lang, options.include_hidden ? Text::about_hidden_included
                                                 : Text::about_hidden_excluded)) +
         "</p>\n";
  if (has_math && !math_rendered) {
    out += "<p>" + escaped(tr(lang, Text::about_math_source)) + "</p>\n";
  }
  if (!originals.empty()) {
    out += "<h3>" + escaped(tr(lang, Text::about_sources)) + "</h3>\n<ul class=\"sources-list\">\n";
    // The conversation files matter most; a long list of attachments would bury them.
    size_t shown = 0;
    for (const auto& f : originals) {
      bool main_file = f.path.find("conversations") != std::string::npos ||
                       f.path.ends_with(".json") || f.path.ends_with(".html");
      if (!main_file) continue;
      if (++shown > 40) break;
      out += "<li><code>" + escaped(f.path) + "</code> <span class=\"size\">" +
             escaped(human_size(f.size)) + "</span> <span class=\"sha\">sha256 " +
             escaped(f.sha256.substr(0, 16)) + "…</span></li>\n";
    }
    if (originals.size() > shown) {
      out += "<li>… " + escaped(std::to_string(originals.size() - shown)) + " +</li>\n";
    }
    out += "</ul>\n";
  }
  out += "<p class=\"digests-link\"><a href=\"" + escaped(digests_href) + "\">" +
         escaped(tr(lang, Text::about_digests)) + "</a></p>\n";
  double made = options.made_at ? *options.made_at : static_cast<double>(std::time(nullptr));
  out +=
      "<p class=\"made\">" +
      escaped(tr(lang, Text::about_made,
                 {{"date", format_day(lang, local_parts(made))}, {"version", options.generator}})) +
      "</p>\n";
  out += "<p>" + escaped(tr(lang, Text::about_reading)) + "</p>\n";
  out += "</section>\n";
  return out;
}

}  // namespace afterglow::viewer
