#include "listing.h"

#include "afterglow/text/title.h"
#include "afterglow/viewer/html_escape.h"
#include "url.h"

namespace afterglow::server {

using viewer::html_escape;

std::string summary_title(const store::ConversationSummary& summary, Lang lang) {
  std::string title = text::display_title(summary.title, summary.first_user_text);
  return title.empty() ? viewer::tr(lang, viewer::Text::untitled) : title;
}

std::string summary_item_html(const store::ConversationSummary& s, Lang lang,
                              const std::string& note) {
  // The account too: another account may hold the same conversation id.
  std::string out = "<li><a href=\"/c/" +
                    html_escape(url_encode(s.id) + query_string({{"account", s.account}})) + "\">";
  out += "<span class=\"title\">" + html_escape(summary_title(s, lang)) + "</span>";
  out += "<span class=\"meta\">";
  if (!note.empty()) out += "<span class=\"note\">" + html_escape(note) + "</span>";
  if (s.create_time) {
    out += "<time datetime=\"" + viewer::iso_utc(*s.create_time) + "\">" +
           html_escape(viewer::format_day(lang, viewer::local_parts(*s.create_time))) + "</time>";
  }
  if (!s.model.empty()) out += "<span class=\"model\">" + html_escape(s.model) + "</span>";
  out += "<span class=\"count\">" +
         html_escape(s.messages == 1 ? viewer::tr(lang, viewer::Text::one_message)
                                     : viewer::tr(lang, viewer::Text::messages,
                                                  {{"n", viewer::group_thousands(s.messages)}})) +
         "</span>";
  out += "</span></a></li>\n";
  return out;
}

}  // namespace afterglow::server
