// The home page (recent conversations, "on this day" in earlier years, the memories pictures)
// and the list of every conversation, a page at a time.
#include <httplib.h>

#include <ctime>

#include "afterglow/viewer/book_memories.h"
#include "afterglow/viewer/html_conversation.h"
#include "afterglow/viewer/html_escape.h"
#include "listing.h"
#include "page.h"
#include "pages_welcome.h"
#include "search_request.h"
#include "state.h"

namespace afterglow::server {
namespace {

using viewer::html_escape;

constexpr int kRecent = 8;
constexpr int kYearsBack = 30;
constexpr int64_t kListPageSize = 50;

// [start, end) of a local calendar day, in epoch seconds.
std::pair<double, double> local_day(int year, int month, int day) {
  std::tm start{};
  start.tm_year = year - 1900;
  start.tm_mon = month - 1;
  start.tm_mday = day;
  start.tm_isdst = -1;
  std::tm end = start;
  end.tm_mday += 1;
  return {static_cast<double>(std::mktime(&start)), static_cast<double>(std::mktime(&end))};
}

std::string on_this_day_html(const store::Archive& archive, Lang lang) {
  std::time_t now = std::time(nullptr);
  std::tm today{};
  localtime_r(&now, &today);
  std::string items;
  for (int back = 1; back <= kYearsBack; ++back) {
    int year = today.tm_year + 1900 - back;
    // 29 February has its anniversary on 28 February in other years.
    int day = today.tm_mon == 1 && today.tm_mday == 29 ? 28 : today.tm_mday;
    auto [from, to] = local_day(year, today.tm_mon + 1, day);
    store::ListFilter filter;
    filter.after = from;
    filter.before = to;
    filter.leave_out_resting = true;
    std::string note = back == 1 ? word(lang, Word::one_year_ago)
                                 : word(lang, Word::years_ago, {{"n", std::to_string(back)}});
    for (const auto& s : archive.list(filter)) items += summary_item_html(s, lang, note);
  }
  std::string out =
      "<section class=\"on-this-day\">\n<h2>" + html_escape(word(lang, Word::on_this_day)) +
      " <span class=\"date\">" +
      html_escape(viewer::format_day(lang, viewer::local_parts(static_cast<double>(now)))) +
      "</span></h2>\n";
  if (items.empty()) {
    out += "<p class=\"quiet\">" + html_escape(word(lang, Word::nothing_on_this_day)) + "</p>\n";
  } else {
    out += "<ol class=\"summaries\">\n" + items + "</ol>\n";
  }
  return out + "</section>\n";
}

void home(ServerState& state, const httplib::Request& request, httplib::Response& response) {
  PageContext context = page_context(request, state);
  const Lang lang = context.lang;
  auto archive = state.pool.borrow();
  store::ListFilter recent;
  recent.limit = kRecent;
  recent.leave_out_resting = true;
  auto recent_list = archive->list(recent);
  store::ListFilter any;
  any.limit = 1;
  // Every conversation at rest is still an archive, not the welcome of an empty one.
  if (recent_list.empty() && archive->list(any).empty()) {
    archive.reset();
    send_page(response, context, welcome_page(context));
    return;
  }

  std::string main;
  main += "<section class=\"recent\">\n<h2>" + html_escape(word(lang, Word::recent)) + "</h2>\n";
  main += "<ol class=\"summaries\">\n";
  for (const auto& s : recent_list) main += summary_item_html(s, lang);
  main += "</ol>\n<p class=\"more\"><a href=\"/conversations\">" +
          html_escape(word(lang, Word::all_conversations)) + " ›</a></p>\n</section>\n";

  main += on_this_day_html(*archive, lang);

  auto stats = state.memories.get(archive->max_message_seq());
  archive.reset();  // the pictures need no connection
  if (stats) {
    main += viewer::memories_html(lang, *stats, viewer::assistant_name("chatgpt", lang));
  } else {
    main += "<section class=\"memories\"><h2>" +
            html_escape(viewer::tr(lang, viewer::Text::memories)) + "</h2><p class=\"quiet\">" +
            html_escape(word(lang, Word::memories_pending)) + "</p></section>\n";
  }
  send_page(response, context, {word(lang, Word::home), "home", main, false});
}

void all_conversations(ServerState& state, const httplib::Request& request,
                       httplib::Response& response) {
  PageContext context = page_context(request, state);
  const Lang lang = context.lang;
  auto list = state.pool.borrow()->list(store::ListFilter{});
  const int64_t total = static_cast<int64_t>(list.size());
  const int64_t pages = std::max<int64_t>(1, (total + kListPageSize - 1) / kListPageSize);
  const int64_t page = number_param(request, "page", 1, 1, pages);
  std::string main = "<section class=\"all\">\n<h1>" +
                     html_escape(word(lang, Word::all_conversations)) +
                     "</h1>\n<p class=\"quiet\">" +
                     html_escape(total == 1 ? viewer::tr(lang, viewer::Text::one_conversation)
                                            : viewer::tr(lang, viewer::Text::conversations,
                                                         {{"n", viewer::group_thousands(total)}})) +
                     "</p>\n<ol class=\"summaries\">\n";
  for (int64_t i = (page - 1) * kListPageSize; i < std::min(total, page * kListPageSize); ++i) {
    main += summary_item_html(list[static_cast<size_t>(i)], lang);
  }
  main += "</ol>\n<nav class=\"pages\">";
  if (page > 1) {
    main += "<a rel=\"prev\" href=\"/conversations?page=" + std::to_string(page - 1) + "\">" +
            html_escape(word(lang, Word::newer_page)) + "</a>";
  }
  main += "<span>" +
          html_escape(word(lang, Word::page_n,
                           {{"n", std::to_string(page)}, {"total", std::to_string(pages)}})) +
          "</span>";
  if (page < pages) {
    main += "<a rel=\"next\" href=\"/conversations?page=" + std::to_string(page + 1) + "\">" +
            html_escape(word(lang, Word::older_page)) + "</a>";
  }
  main += "</nav>\n</section>\n";
  send_page(response, context, {word(lang, Word::all_conversations), "list-page", main, false});
}

}  // namespace

void add_home_routes(httplib::Server& http, ServerState& state) {
  http.Get("/", [&state](const httplib::Request& q, httplib::Response& r) { home(state, q, r); });
  http.Get("/conversations", [&state](const httplib::Request& q, httplib::Response& r) {
    all_conversations(state, q, r);
  });
}

}  // namespace afterglow::server
