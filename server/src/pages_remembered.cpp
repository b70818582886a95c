// /remembered: what the companion remembered about the person — every memory write, memory
// snapshot and change of custom instructions, oldest first — each opening the message where it
// happened (hidden messages shown, since memory messages are hidden ones).
#include <httplib.h>

#include "afterglow/store/memories.h"
#include "afterglow/store/memory_timeline.h"
#include "afterglow/viewer/html_escape.h"
#include "afterglow/viewer/html_strings.h"
#include "page.h"
#include "state.h"

namespace afterglow::server {
namespace {

using viewer::html_escape;
using viewer::Text;
using viewer::tr;

// The reader's address of the message a record came from, as a search hit links it.
std::string message_url(const store::StoredMemoryRecord& r) {
  QueryParams params{{"account", r.account}, {"all", "1"}};
  if (!r.record.node_id.empty()) params.insert(params.begin(), {"node", r.record.node_id});
  std::string url = "/c/" + url_encode(r.record.conversation_id) + query_string(params);
  if (!r.record.node_id.empty()) url += "#m-" + url_encode(r.record.node_id);
  return url;
}

std::string record_html(Lang lang, const store::StoredMemoryRecord& r) {
  std::string out =
      "<li class=\"memory-record kind-" + html_escape(r.record.kind) + "\"><p class=\"when\">";
  if (r.record.time) {
    const auto parts = viewer::local_parts(*r.record.time);
    out += "<time datetime=\"" + html_escape(viewer::iso_utc(*r.record.time)) + "\">" +
           html_escape(viewer::format_day(lang, parts) + " " + viewer::format_clock(parts)) +
           "</time> · ";
  }
  out += "<span class=\"kind\">" + html_escape(memory_kind_words(lang, r.record.kind)) +
         "</span></p>\n";
  out += "<blockquote>";
  std::string_view rest = r.record.text;
  bool first = true;
  while (!rest.empty()) {
    const size_t end = rest.find('\n');
    if (!first) out += "<br>";
    first = false;
    out += html_escape(rest.substr(0, end));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  out += "</blockquote>\n<p class=\"where\">";
  if (r.record.conversation_id.empty()) {
    out += html_escape(tr(lang, Text::remembered_account));
  } else if (r.conversation_held) {
    const std::string title =
        r.conversation_title.empty() ? tr(lang, Text::untitled) : r.conversation_title;
    out += "<a href=\"" + html_escape(message_url(r)) + "\">" +
           html_escape(tr(lang, Text::remembered_where, {{"title", title}})) + "</a>";
  } else {
    out += html_escape(r.record.conversation_id);
  }
  return out + "</p></li>\n";
}

void remembered_page(ServerState& state, const httplib::Request& request,
                     httplib::Response& response) {
  PageContext context = page_context(request, state);
  const Lang lang = context.lang;
  auto archive = state.pool.borrow();
  const auto records = store::memory_records(*archive);
  archive.reset();
  std::string main = "<section class=\"remembered\">\n<h1>" +
                     html_escape(word(lang, Word::nav_remembered)) + "</h1>\n";
  if (records.empty()) {
    main += "<p class=\"lead\">" + html_escape(tr(lang, Text::remembered_none)) + "</p>\n";
  } else {
    main += "<p class=\"lead\">" + html_escape(word(lang, Word::remembered_lead)) +
            "</p>\n<ol class=\"memory-records\">\n";
    // A snapshot or instructions unchanged since the last are shown once, when they changed.
    const std::vector<bool> repeats = store::repeats_previous(records);
    for (size_t i = 0; i < records.size(); ++i) {
      if (!repeats[i]) main += record_html(lang, records[i]);
    }
    main += "</ol>\n";
  }
  main += "</section>\n";
  send_page(response, context, {word(lang, Word::nav_remembered), "remembered-page", main});
}

}  // namespace

void add_remembered_routes(httplib::Server& http, ServerState& state) {
  http.Get("/remembered", [&state](const httplib::Request& q, httplib::Response& r) {
    remembered_page(state, q, r);
  });
}

}  // namespace afterglow::server
