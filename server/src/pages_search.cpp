// The search page: the query language of `afterglow search`, the engine toggle, facets as
// filters, pages of results with highlighted snippets that open at the message they found.
#include <httplib.h>

#include "afterglow/indexer/search.h"
#include "afterglow/model/errors.h"
#include "afterglow/viewer/html_conversation.h"
#include "afterglow/viewer/html_escape.h"
#include "afterglow/viewer/search_view.h"
#include "hit_links.h"
#include "page.h"
#include "search_request.h"
#include "snippet_html.h"
#include "state.h"

namespace afterglow::server {
namespace {

using viewer::html_escape;

constexpr int64_t kPageSize = 20;

// The query split on spaces outside quotes, to find the filters it already has.
std::vector<std::string> query_tokens(const std::string& query) {
  std::vector<std::string> tokens;
  std::string token;
  bool quoted = false;
  for (char c : query) {
    if (c == '"') quoted = !quoted;
    if (c == ' ' && !quoted) {
      if (!token.empty()) tokens.push_back(token);
      token.clear();
    } else {
      token += c;
    }
  }
  if (!token.empty()) tokens.push_back(token);
  return tokens;
}

std::string join_without(const std::vector<std::string>& tokens, size_t skip) {
  std::string out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i == skip) continue;
    out += (out.empty() ? "" : " ") + tokens[i];
  }
  return out;
}

bool is_filter(const std::string& token) {
  for (const char* field : {"model:", "date:", "after:", "before:", "role:", "has:"}) {
    if (token.starts_with(field)) return true;
  }
  return false;
}

struct Links {
  const SearchRequest& search;
  Lang lang;

  // This search with some parameters changed (page back to 1 unless given).
  std::string url(const std::string& query, const char* engine = nullptr,
                  const char* sort = nullptr, std::optional<bool> all = std::nullopt,
                  int64_t page = 1) const {
    QueryParams p{{"q", query}};
    const char* e = engine ? engine : indexer::to_string(search.options.engine);
    if (std::string(e) != "xapian") p.emplace_back("engine", e);
    const char* s = sort ? sort : indexer::to_string(search.options.sort);
    if (std::string(s) != "relevance") p.emplace_back("sort", s);
    if (all.value_or(search.options.include_all)) p.emplace_back("all", "1");
    if (page > 1) p.emplace_back("page", std::to_string(page));
    return "/search" + query_string(p);
  }
};

std::string segment(const std::string& label, const std::string& href, bool current) {
  if (current)
    return "<a aria-current=\"true\" href=\"" + html_escape(href) + "\">" + html_escape(label) +
           "</a>";
  return "<a href=\"" + html_escape(href) + "\">" + html_escape(label) + "</a>";
}

std::string toolbar_html(const Links& links) {
  const auto& o = links.search.options;
  const std::string& q = links.search.query;
  const Lang lang = links.lang;
  std::string out =
      "<div class=\"toolbar\">\n<span class=\"group engine\" role=\"group\" aria-label=\"" +
      html_escape(word(lang, Word::engine)) + "\">";
  out += segment(word(lang, Word::engine_xapian), links.url(q, "xapian"),
                 o.engine == indexer::Engine::xapian);
  out += segment(word(lang, Word::engine_fts5), links.url(q, "fts5"),
                 o.engine == indexer::Engine::fts5);
  out += "</span>\n<span class=\"group sort\" role=\"group\" aria-label=\"" +
         html_escape(word(lang, Word::sort)) + "\">";
  out += segment(word(lang, Word::sort_relevance), links.url(q, nullptr, "relevance"),
                 o.sort == indexer::Sort::relevance);
  out += segment(word(lang, Word::sort_newest), links.url(q, nullptr, "newest"),
                 o.sort == indexer::Sort::newest);
  out += segment(word(lang, Word::sort_oldest), links.url(q, nullptr, "oldest"),
                 o.sort == indexer::Sort::oldest);
  out += "</span>\n<a class=\"toggle\" role=\"switch\" aria-checked=\"" +
         std::string(o.include_all ? "true" : "false") + "\" href=\"" +
         html_escape(links.url(q, nullptr, nullptr, !o.include_all)) + "\">" +
         html_escape(word(lang, Word::include_hidden)) + "</a>\n</div>\n";
  return out;
}

std::string filters_html(const Links& links, const indexer::Results& results) {
  const Lang lang = links.lang;
  auto tokens = query_tokens(links.search.query);
  std::string out;
  std::string chips;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!is_filter(tokens[i])) continue;
    chips += "<a class=\"chip\" href=\"" + html_escape(links.url(join_without(tokens, i))) +
             "\" title=\"" + html_escape(word(lang, Word::remove_filter)) + "\">" +
             html_escape(tokens[i]) + " <span aria-hidden=\"true\">×</span></a>";
  }
  if (!chips.empty()) out += "<p class=\"chips\">" + chips + "</p>\n";

  auto facet = [&](Word heading, const char* field,
                   const std::vector<indexer::FacetCount>& values) {
    if (values.size() < 2) return;  // one value filters nothing
    std::string items;
    for (const auto& f : values) {
      if (f.value.empty() || f.value.find_first_of(" \"") != std::string::npos) continue;
      std::string token = std::string(field) + f.value;
      items += "<li><a href=\"" + html_escape(links.url(links.search.query + " " + token)) +
               "\"><span class=\"value\">" + html_escape(f.value) +
               "</span><span class=\"count\">" + viewer::group_thousands(f.count) +
               "</span></a></li>";
    }
    if (items.empty()) return;
    out += "<div class=\"facet\"><h3>" + html_escape(word(lang, heading)) + "</h3><ul>" + items +
           "</ul></div>\n";
  };
  facet(Word::filter_year, "date:", results.facets_by_year);
  facet(Word::filter_model, "model:", results.facets_by_model);
  return out;
}

std::string role_label(const indexer::Hit& hit, Lang lang) {
  if (hit.role == "user") return viewer::tr(lang, viewer::Text::you);
  if (hit.role == "assistant") return viewer::assistant_name(hit.source, lang);
  if (hit.role == "tool") return viewer::tr(lang, viewer::Text::tool);
  return hit.role.empty() ? "?" : hit.role;
}

std::string results_html(const Links& links, const indexer::Results& results) {
  const Lang lang = links.lang;
  std::string out = "<ol class=\"hits\">\n";
  for (const auto& group : viewer::hits_by_conversation(results)) {
    const indexer::Hit& best = *group.front();
    std::string title = best.title.empty() ? viewer::tr(lang, viewer::Text::untitled) : best.title;
    out += "<li class=\"hit-group\">\n<div class=\"head\"><a class=\"title\" href=\"" +
           html_escape(hit_url(best, links.search.query)) + "\">" + html_escape(title) +
           "</a><span class=\"meta\">";
    if (best.create_time) {
      out += "<time datetime=\"" + viewer::iso_utc(*best.create_time) + "\">" +
             html_escape(viewer::format_day(lang, viewer::local_parts(*best.create_time))) +
             "</time>";
    }
    out += "</span></div>\n<ol class=\"snippets\">\n";
    for (const auto* h : group) {
      out += "<li class=\"hit " + html_escape(h->role) + "\"><a href=\"" +
             html_escape(hit_url(*h, links.search.query)) + "\"><span class=\"who\">" +
             html_escape(role_label(*h, lang));
      if (!h->model.empty() && h->role == "assistant") {
        out += " <span class=\"model\">" + html_escape(h->model) + "</span>";
      }
      if (h->branch)
        out +=
            " <span class=\"tag\">" + html_escape(word(lang, Word::alternate_version)) + "</span>";
      if (h->hidden)
        out += " <span class=\"tag\">" + html_escape(word(lang, Word::hidden_result)) + "</span>";
      out += "</span><span class=\"snippet\">" + snippet_html(h->snippet) + "</span></a></li>\n";
    }
    out += "</ol>\n</li>\n";
  }
  return out + "</ol>\n";
}

std::string pager_html(const Links& links, const indexer::Results& results) {
  const auto& o = links.search.options;
  const int64_t page = o.offset / kPageSize + 1;
  const int64_t pages = std::max<int64_t>(1, (results.total + kPageSize - 1) / kPageSize);
  if (pages <= 1 && page == 1) return "";
  std::string out = "<nav class=\"pages\">";
  if (page > 1) {
    out += "<a rel=\"prev\" href=\"" +
           html_escape(links.url(links.search.query, nullptr, nullptr, std::nullopt, page - 1)) +
           "\">" + html_escape(word(links.lang, Word::newer_page)) + "</a>";
  }
  out += "<span>" +
         html_escape(word(
             links.lang, Word::page_n,
             {{"n", std::to_string(page)}, {"total", std::to_string(std::max(page, pages))}})) +
         "</span>";
  if (page < pages) {
    out += "<a rel=\"next\" href=\"" +
           html_escape(links.url(links.search.query, nullptr, nullptr, std::nullopt, page + 1)) +
           "\">" + html_escape(word(links.lang, Word::older_page)) + "</a>";
  }
  return out + "</nav>\n";
}

void search_page(ServerState& state, const httplib::Request& request, httplib::Response& response) {
  PageContext context = page_context(request, state);
  const Lang lang = context.lang;
  SearchRequest search = search_request_for_page(request, kPageSize);
  Links links{search, lang};
  std::string main = "<section class=\"search-page\">\n";
  main += toolbar_html(links);
  int status = 200;
  if (search.query.find_first_not_of(' ') == std::string::npos) {
    main += "<pre class=\"query-help\">" + html_escape(indexer::query_help()) + "</pre>\n";
  } else {
    try {
      auto archive = state.pool.borrow();
      auto results = indexer::search(*archive, search.query, search.options);
      if (!indexer::index_is_current(*archive, search.options.engine)) {
        main += "<p class=\"note\">" + html_escape(word(lang, Word::index_behind)) + "</p>\n";
      }
      archive.reset();
      const std::string filters = filters_html(links, results);
      main += filters.empty() ? "<div class=\"columns single\">\n" : "<div class=\"columns\">\n";
      main += "<div class=\"results\">\n<p class=\"status\" id=\"status\">";
      main +=
          html_escape(results.total == 0   ? word(lang, Word::no_results)
                      : results.total == 1 ? word(lang, Word::one_result)
                                           : word(lang, Word::results,
                                                  {{"n", viewer::group_thousands(results.total)}}));
      main += "</p>\n";
      if (!results.did_you_mean.empty()) {
        main += "<p class=\"did-you-mean\">" + html_escape(word(lang, Word::did_you_mean)) +
                ": <a href=\"" + html_escape(links.url(results.did_you_mean)) + "\">" +
                html_escape(results.did_you_mean) + "</a></p>\n";
      }
      main += results_html(links, results) + pager_html(links, results) + "</div>\n";
      if (!filters.empty()) main += "<aside class=\"facets\">\n" + filters + "</aside>\n";
      main += "</div>\n";
    } catch (const QueryError& e) {
      status = 400;
      main += "<p class=\"problem\">" +
              html_escape(word(lang, Word::bad_query, {{"why", e.what()}})) + "</p>\n";
    } catch (const ArchiveError& e) {
      // A missing or unreadable index: say which and how to fix it.
      status = 503;
      main += "<p class=\"problem\">" + html_escape(e.what()) + "</p>\n";
    }
  }
  main += "</section>\n";
  std::string title = search.query.empty() ? word(lang, Word::search_button) : search.query;
  send_page(response, context, {title, "search-page", main, false}, status);
}

}  // namespace

void add_search_routes(httplib::Server& http, ServerState& state) {
  http.Get("/search",
           [&state](const httplib::Request& q, httplib::Response& r) { search_page(state, q, r); });
}

}  // namespace afterglow::server
