#include "book_remembered.h"

#include <set>
#include <utility>

#include "afterglow/store/memory_timeline.h"
#include "afterglow/viewer/html_escape.h"

namespace afterglow::viewer {
namespace {

std::string esc(std::string_view s) { return html_escape(s); }

// The text as written, its line breaks kept: a memory is a note, not a document to typeset.
std::string paragraphs(const std::string& text) {
  std::string out;
  std::string_view rest = text;
  while (!rest.empty()) {
    const size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    if (!out.empty()) out += "<br>";
    out += esc(line);
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return out;
}

}  // namespace

std::string conversation_href_key(const std::string& source, const std::string& account,
                                  const std::string& id) {
  return source + '\x1f' + account + '\x1f' + id;
}

std::vector<store::StoredMemoryRecord> records_for_book(
    const std::vector<store::StoredMemoryRecord>& records,
    const std::vector<store::ConversationSummary>& conversations) {
  std::set<std::pair<std::string, std::string>> accounts;
  for (const auto& c : conversations) accounts.emplace(c.source, c.account);
  // A snapshot or instructions unchanged since the last are in the chapter once, when they
  // changed.
  const std::vector<bool> repeats = store::repeats_previous(records);
  std::vector<store::StoredMemoryRecord> out;
  for (size_t i = 0; i < records.size(); ++i) {
    if (!repeats[i] && accounts.count({records[i].record.source, records[i].account})) {
      out.push_back(records[i]);
    }
  }
  return out;
}

std::string remembered_html(Lang lang, const std::vector<store::StoredMemoryRecord>& records,
                            const ConversationHrefs& hrefs, const std::string& assistant) {
  std::string out = "<section class=\"remembered\" id=\"remembered\">\n<h2>" +
                    esc(tr(lang, Text::remembered)) + "</h2>\n";
  if (records.empty()) {
    return out + "<p class=\"lead\">" + esc(tr(lang, Text::remembered_none)) + "</p>\n</section>\n";
  }
  out += "<p class=\"lead\">" +
         esc(tr(lang, Text::remembered_intro,
                {{"name", assistant},
                 {"n", group_thousands(static_cast<long long>(records.size()))}})) +
         "</p>\n<ol class=\"memory-records\">\n";
  for (const auto& r : records) {
    out += "<li class=\"memory-record kind-" + esc(r.record.kind) + "\"><p class=\"when\">";
    if (r.record.time) {
      const LocalParts parts = local_parts(*r.record.time);
      out += "<time datetime=\"" + esc(iso_utc(*r.record.time)) + "\">" +
             esc(format_day(lang, parts)) + " " + esc(format_clock(parts)) + "</time> · ";
    }
    out += "<span class=\"kind\">" + esc(memory_kind_words(lang, r.record.kind)) + "</span></p>\n";
    out += "<blockquote>" + paragraphs(r.record.text) + "</blockquote>\n<p class=\"where\">";
    if (r.record.conversation_id.empty()) {
      out += esc(tr(lang, Text::remembered_account));
    } else if (auto it = hrefs.find(
                   conversation_href_key(r.record.source, r.account, r.record.conversation_id));
               it != hrefs.end()) {
      const std::string title =
          r.conversation_title.empty() ? tr(lang, Text::untitled) : r.conversation_title;
      out += "<a href=\"" + esc(it->second) + "\">" +
             esc(tr(lang, Text::remembered_where, {{"title", title}})) + "</a>";
    } else {
      out += esc(tr(lang, Text::remembered_elsewhere));
    }
    out += "</p></li>\n";
  }
  return out + "</ol>\n</section>\n";
}

}  // namespace afterglow::viewer
