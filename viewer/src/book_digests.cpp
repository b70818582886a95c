// The book's digests as JSON (book-digests.json) and as a page a person reads.
#include "afterglow/viewer/book_digests.h"

#include <nlohmann/json.hpp>

#include "afterglow/viewer/html_escape.h"

namespace afterglow::viewer {
namespace {

std::string escaped(std::string_view text) {
  std::string out;
  append_escaped(out, text);
  return out;
}

}  // namespace

std::string conversation_digest(const std::vector<ShownMessage>& messages) {
  std::string lines;
  for (const auto& m : messages) lines += m.node + " " + m.sha256 + "\n";
  return text_sha256(lines);
}

std::string book_digests_json(const BookDigests& digests) {
  nlohmann::ordered_json conversations = nlohmann::ordered_json::array();
  for (const auto& c : digests.conversations) {
    nlohmann::ordered_json messages = nlohmann::ordered_json::array();
    for (const auto& m : c.messages) {
      messages.push_back(nlohmann::ordered_json{{"node", m.node}, {"sha256", m.sha256}});
    }
    conversations.push_back(nlohmann::ordered_json{{"source", c.source},
                                                   {"account", c.account},
                                                   {"id", c.id},
                                                   {"title", c.title},
                                                   {"page", c.page},
                                                   {"digest", c.digest},
                                                   {"messages", std::move(messages)}});
  }
  nlohmann::ordered_json originals = nlohmann::ordered_json::array();
  for (const auto& f : digests.originals) {
    originals.push_back(
        nlohmann::ordered_json{{"path", f.path}, {"size", f.size}, {"sha256", f.sha256}});
  }
  nlohmann::ordered_json out{{"format", "afterglow-book-digests"},
                             {"version", 1},
                             {"lang", digests.lang == Lang::zh ? "zh" : "en"},
                             {"include_hidden", digests.include_hidden},
                             {"conversations", std::move(conversations)},
                             {"originals", std::move(originals)}};
  // Invalid UTF-8 in a title is replaced rather than refused: the digests are of the messages.
  return out.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string digests_html(const BookDigests& digests) {
  const Lang lang = digests.lang;
  std::string out = "<section class=\"digests\" id=\"digests\">\n<h2>" +
                    escaped(tr(lang, Text::digests)) + "</h2>\n";
  out += "<p>" + escaped(tr(lang, Text::digests_intro)) + "</p>\n";
  out += "<h3>" + escaped(tr(lang, Text::digests_conversations)) + "</h3>\n";
  out += "<table class=\"digest-list\">\n<tbody>\n";
  for (const auto& c : digests.conversations) {
    out += "<tr><td><a href=\"" + escaped(c.page) + "\">" + escaped(c.title) + "</a><br><code>" +
           escaped(c.id) + "</code></td><td>" +
           escaped(c.messages.size() == 1
                       ? tr(lang, Text::one_message)
                       : tr(lang, Text::messages,
                            {{"n", group_thousands(static_cast<long long>(c.messages.size()))}})) +
           "</td><td><code class=\"sha\">" + escaped(c.digest) + "</code></td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
  if (!digests.originals.empty()) {
    out += "<h3>" + escaped(tr(lang, Text::about_sources)) + "</h3>\n<ul class=\"sources-list\">\n";
    for (const auto& f : digests.originals) {
      out += "<li><code>" + escaped(f.path) + "</code> <code class=\"sha\">" + escaped(f.sha256) +
             "</code></li>\n";
    }
    out += "</ul>\n";
  }
  out += "</section>\n";
  return out;
}

}  // namespace afterglow::viewer
