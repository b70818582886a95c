// Assembles a book. Conversations stream through one at a time: loaded, rendered, written, and
// dropped, keeping only a line of the contents, the statistics and the search index.
#include <algorithm>
#include <cstdio>
#include <fstream>

#include "afterglow/model/errors.h"
#include "afterglow/text/cut.h"
#include "afterglow/text/title.h"
#include "afterglow/viewer/book_digests.h"
#include "afterglow/viewer/book_memories.h"
#include "afterglow/viewer/book_stats.h"
#include "afterglow/viewer/html_assets.h"
#include "afterglow/viewer/html_book.h"
#include "afterglow/viewer/html_conversation.h"
#include "afterglow/viewer/html_escape.h"
#include "afterglow/viewer/text_style.h"
#include "book_assets.h"
#include "book_pages.h"
#include "book_remembered.h"
#include "book_search_index.h"

namespace afterglow::viewer {
namespace {

namespace fs = std::filesystem;

std::vector<store::ConversationSummary> in_book_order(
    std::vector<store::ConversationSummary> list) {
  std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
    if (a.create_time.has_value() != b.create_time.has_value()) return a.create_time.has_value();
    return a.create_time.value_or(0) < b.create_time.value_or(0);
  });
  return list;
}

Lang book_lang(const BookSource& source, const BookOptions& options) {
  if (options.lang) return *options.lang;
  LanguageGuess guess;
  for (const auto& s : source.conversations) {
    guess.add(s.title);
    guess.add(s.first_user_text);
  }
  return guess.result();
}

std::string summary_title(const store::ConversationSummary& s, Lang lang) {
  std::string title = text::display_title(s.title, s.first_user_text);
  return title.empty() ? tr(lang, Text::untitled) : title;
}

std::string page_number(size_t n) {
  std::string digits = std::to_string(n);
  return std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits;
}

std::string book_title(const BookOptions& options, Lang lang) {
  return options.title.empty() ? tr(lang, Text::default_title) : options.title;
}

// Renders one conversation, feeding the statistics and the search index on the way.
struct Rendered {
  std::string html;
  bool has_math = false;
};

class ConversationPipeline {
 public:
  ConversationPipeline(const BookSource& source, const BookOptions& options, Lang lang)
      : source_(source), options_(options), lang_(lang) {
    digests_.lang = lang;
    digests_.include_hidden = options.include_hidden;
    digests_.originals = source.originals;
  }

  Rendered render(const store::ConversationSummary& summary, const std::string& href,
                  const std::string& anchor,
                  const std::function<std::optional<std::string>(const model::Attachment&)>& url) {
    store::StoredConversation stored = source_.load({summary.source, summary.account, summary.id});
    const model::Conversation& c = stored.conversation;
    BookEntry entry;
    entry.title = conversation_title(c, lang_);
    entry.href = href;
    entry.create_time = c.create_time ? c.create_time : summary.create_time;
    std::string date = entry.create_time ? format_day(lang_, local_parts(*entry.create_time)) : "";
    uint32_t doc = search_.add_document(href, entry.title, date);
    search_.add_text(doc, entry.title);

    ConversationHtmlOptions view;
    view.lang = lang_;
    view.include_hidden = options_.include_hidden;
    view.attachment_url = url;
    view.anchor_id = anchor;
    view.gone_upstream = stored.gone_upstream;
    view.project_name = stored.project_name;
    view.message_digests = true;
    view.featured_models = options_.featured_models;
    view.on_message = [&](const model::Message& m, bool on_thread) {
      search_.add_text(doc, m.text);
      for (const auto& a : m.attachments) {
        if (!a.available()) ++missing_;
      }
      if (!on_thread) return;
      stats_.add_message(m, c.model);
      ++entry.messages;
      entry.words += count_words(m.text);
      if (entry.first_words.empty() && m.role == "user" && !m.text.empty()) {
        entry.first_words = text::first_line(m.text, kFirstWordsCharacters);
      }
    };
    ConversationHtml html = render_conversation_html(c, view);
    has_math_ = has_math_ || html.has_math;
    BookConversationDigest digest{summary.source,
                                  summary.account,
                                  summary.id,
                                  entry.title,
                                  href,
                                  conversation_digest(html.shown),
                                  std::move(html.shown)};
    for (auto& m : digest.messages) m.body.clear();  // the page has it; only digests are kept
    digests_.conversations.push_back(std::move(digest));
    stats_.add_entry(std::move(entry));
    return {std::move(html.html), html.has_math};
  }

  const BookStats& stats() const { return stats_; }
  const SearchIndexBuilder& search() const { return search_; }
  const BookDigests& digests() const { return digests_; }
  bool has_math() const { return has_math_; }
  // Attachments the export never had (shown as placeholders).
  int64_t missing() const { return missing_; }

 private:
  const BookSource& source_;
  const BookOptions& options_;
  Lang lang_;
  BookStats stats_;
  SearchIndexBuilder search_;
  BookDigests digests_;
  bool has_math_ = false;
  int64_t missing_ = 0;
};

BookReport report_of(const ConversationPipeline& pipeline, int64_t included, int64_t unavailable) {
  BookReport r;
  r.conversations = static_cast<int64_t>(pipeline.stats().entries().size());
  r.messages = pipeline.stats().messages();
  r.words = pipeline.stats().words();
  r.attachments_included = included;
  r.attachments_unavailable = unavailable + pipeline.missing();
  r.math_rendered = pipeline.has_math() && math_renderer_available();
  return r;
}

std::string pager_html(Lang lang, const std::vector<store::ConversationSummary>& list, size_t i) {
  std::string out = "<nav class=\"pager\">";
  if (i > 0) {
    out += "<a class=\"prev\" rel=\"prev\" href=\"" + page_number(i) + ".html\"><span>‹ " +
           html_escape(tr(lang, Text::previous)) + "</span>" +
           html_escape(summary_title(list[i - 1], lang)) + "</a>";
  } else {
    out += "<span></span>";
  }
  if (i + 1 < list.size()) {
    out += "<a class=\"next\" rel=\"next\" href=\"" + page_number(i + 2) + ".html\"><span>" +
           html_escape(tr(lang, Text::next)) + " ›</span>" +
           html_escape(summary_title(list[i + 1], lang)) + "</a>";
  }
  out += "</nav>\n";
  return out;
}

void write_text(std::ofstream& out, const fs::path& path, std::string_view text) {
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) throw Error(path.string() + ": cannot write");
}

// Scripts inside a single file must not contain "</script", which would end them early.
std::string inline_script(std::string_view code) {
  std::string out(code);
  for (size_t at = 0; (at = out.find("</script", at)) != std::string::npos; at += 2) {
    out.replace(at, 2, "<\\/");
  }
  return out;
}

}  // namespace

BookSource book_source(const store::Archive& archive,
                       std::vector<store::ConversationSummary> conversations) {
  BookSource source;
  source.conversations = std::move(conversations);
  source.load = [&archive](const store::ConversationKey& key) { return archive.load(key); };
  source.blob_info = [&archive](const std::string& sha) { return archive.blob_info(sha); };
  source.read_blob = [&archive](const std::string& sha,
                                const std::function<void(std::string_view)>& sink) {
    archive.read_blob(sha, sink);
  };
  source.originals = archive.originals();
  source.memory_records = store::memory_records(archive);
  return source;
}

namespace {

// Where each of the book's conversations is, for the links of "What it remembered" (the chapter
// is at the book's root, as the entries' hrefs are).
ConversationHrefs conversation_hrefs(const std::vector<store::ConversationSummary>& list,
                                     const BookStats& stats) {
  ConversationHrefs hrefs;
  const auto& entries = stats.entries();
  for (size_t i = 0; i < list.size() && i < entries.size(); ++i) {
    hrefs[conversation_href_key(list[i].source, list[i].account, list[i].id)] = entries[i].href;
  }
  return hrefs;
}

}  // namespace

BookReport write_book_folder(const BookSource& source_in, const BookOptions& options,
                             const fs::path& dir, const BookProgress& progress) {
  BookSource source = source_in;
  source.conversations = in_book_order(source_in.conversations);
  const auto& list = source.conversations;
  const Lang lang = book_lang(source, options);
  std::error_code ec;
  fs::create_directories(dir / "c", ec);
  fs::create_directories(dir / "assets", ec);
  if (ec || !fs::is_directory(dir / "assets")) {
    throw Error(dir.string() + ": cannot create the book's folder" +
                (ec ? ": " + ec.message() : ""));
  }

  ConversationPipeline pipeline(source, options, lang);
  AttachmentFiles attachments(source, dir / "assets");
  const std::string title = book_title(options, lang);
  const std::string remembered = options.include_memories ? "remembered.html" : "";
  const BookLinks page_links{"../index.html", "../about.html", "../memories.html",
                             "../index.html#contents",
                             remembered.empty() ? "" : "../" + remembered};
  for (size_t i = 0; i < list.size(); ++i) {
    std::string name = page_number(i + 1) + ".html";
    Rendered r = pipeline.render(list[i], "c/" + name, "", [&](const model::Attachment& a) {
      return attachments.url(a, "../");
    });
    PageFrame frame;
    frame.lang = lang;
    frame.theme = options.theme;
    frame.title = summary_title(list[i], lang) + " · " + title;
    frame.body_class = "page-conversation";
    frame.stylesheets = {"../assets/book.css"};
    frame.scripts = {"../assets/book.js"};
    if (r.has_math && math_renderer_available()) {
      frame.stylesheets.push_back("../assets/katex/katex.min.css");
      frame.scripts.insert(frame.scripts.begin(), "../assets/katex/katex.min.js");
    }
    std::string page = page_start(frame) + top_nav_html(lang, page_links) + "<main>\n" + r.html +
                       pager_html(lang, list, i) + "</main>\n" + page_end(frame);
    write_file(dir / "c" / name, page);
    if (progress) progress(i + 1, list.size());
  }

  const BookStats& stats = pipeline.stats();
  const BookLinks root_links{"index.html", "about.html", "memories.html", "index.html#contents",
                             remembered};
  auto frame_for = [&](std::string page_title, std::string body_class) {
    PageFrame frame;
    frame.lang = lang;
    frame.theme = options.theme;
    frame.title = std::move(page_title);
    frame.body_class = std::move(body_class);
    frame.stylesheets = {"assets/book.css"};
    frame.scripts = {"assets/book.js"};
    return frame;
  };
  PageFrame index = frame_for(title, "page-index");
  index.scripts.insert(index.scripts.begin(), "assets/search-index.js");
  write_file(dir / "index.html", page_start(index) + cover_html(options, lang, stats) + "<main>\n" +
                                     search_html(lang) + contents_html(lang, stats, root_links) +
                                     "</main>\n" + page_end(index));
  PageFrame about = frame_for(tr(lang, Text::about_book) + " · " + title, "page-about");
  write_file(dir / "about.html", page_start(about) + top_nav_html(lang, root_links) + "<main>\n" +
                                     about_html(options, lang, stats, source.originals,
                                                pipeline.has_math() && math_renderer_available(),
                                                pipeline.has_math(), "digests.html") +
                                     "</main>\n" + page_end(about));
  PageFrame digests = frame_for(tr(lang, Text::digests) + " · " + title, "page-digests");
  write_file(dir / "digests.html", page_start(digests) + top_nav_html(lang, root_links) +
                                       "<main>\n" + digests_html(pipeline.digests()) + "</main>\n" +
                                       page_end(digests));
  write_file(dir / "book-digests.json", book_digests_json(pipeline.digests()));
  PageFrame memories = frame_for(tr(lang, Text::memories) + " · " + title, "page-memories");
  std::string assistant = list.empty() ? "ChatGPT" : assistant_name(list.front().source, lang);
  write_file(dir / "memories.html", page_start(memories) + top_nav_html(lang, root_links) +
                                        "<main>\n" + memories_html(lang, stats, assistant) +
                                        "</main>\n" + page_end(memories));
  if (options.include_memories) {
    PageFrame page = frame_for(tr(lang, Text::remembered) + " · " + title, "page-remembered");
    write_file(dir / remembered,
               page_start(page) + top_nav_html(lang, root_links) + "<main>\n" +
                   remembered_html(lang, records_for_book(source.memory_records, list),
                                   conversation_hrefs(list, stats), assistant) +
                   "</main>\n" + page_end(page));
  }
  write_file(dir / "assets" / "search-index.js",
             "window.AFTERGLOW_SEARCH = " + pipeline.search().json() + ";\n");
  write_book_assets(dir / "assets", pipeline.has_math(), options.paper);
  return report_of(pipeline, attachments.included(), attachments.unavailable());
}

BookReport write_book_file(const BookSource& source_in, const BookOptions& options,
                           const fs::path& file, const BookProgress& progress) {
  BookSource source = source_in;
  source.conversations = in_book_order(source_in.conversations);
  const auto& list = source.conversations;
  const Lang lang = book_lang(source, options);
  const std::string title = book_title(options, lang);

  // The conversations go to a side file first: the cover and the page's head need totals that
  // are only known once every conversation has been read.
  fs::path body_path = file;
  body_path += ".part";
  ConversationPipeline pipeline(source, options, lang);
  AttachmentDataUris attachments(source);
  {
    std::ofstream body(body_path, std::ios::binary | std::ios::trunc);
    if (!body) throw Error(body_path.string() + ": cannot write");
    for (size_t i = 0; i < list.size(); ++i) {
      std::string anchor = "c-" + std::to_string(i + 1);
      Rendered r = pipeline.render(list[i], "#" + anchor, anchor,
                                   [&](const model::Attachment& a) { return attachments.url(a); });
      write_text(body, body_path, r.html);
      write_text(body, body_path,
                 "<p class=\"back\"><a href=\"#contents\">↑ " +
                     html_escape(tr(lang, Text::back_to_contents)) + "</a></p>\n");
      if (progress) progress(i + 1, list.size());
    }
    body.close();
    if (!body) throw Error(body_path.string() + ": cannot write");
  }

  const BookStats& stats = pipeline.stats();
  const bool math = pipeline.has_math() && math_renderer_available();
  PageFrame frame;
  frame.lang = lang;
  frame.theme = options.theme;
  frame.title = title;
  frame.body_class = "single-file";
  frame.inline_style = book_css(options.paper);
  if (math) {
    frame.inline_style += "\n" + katex_css(true);
    frame.inline_scripts.push_back(inline_script(*embedded_asset("katex/katex.min.js")));
  }
  frame.inline_scripts.push_back(inline_script(embedded_asset("book.js").value_or("")));

  const BookLinks links{"#top", "#about", "#memories", "#contents",
                        options.include_memories ? "#remembered" : ""};
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) throw Error(file.string() + ": cannot write");
  std::string assistant = list.empty() ? "ChatGPT" : assistant_name(list.front().source, lang);
  write_text(out, file,
             page_start(frame) + "<div id=\"top\"></div>\n" + cover_html(options, lang, stats) +
                 "<main>\n" + search_html(lang) + contents_html(lang, stats, links) +
                 about_html(options, lang, stats, source.originals, math, pipeline.has_math(),
                            "#digests"));
  {
    std::ifstream body(body_path, std::ios::binary);
    char buffer[1 << 16];
    while (body.read(buffer, sizeof buffer) || body.gcount() > 0) {
      write_text(out, file, std::string_view(buffer, static_cast<size_t>(body.gcount())));
    }
  }
  fs::remove(body_path);
  write_text(out, file,
             memories_html(lang, stats, assistant) +
                 (options.include_memories
                      ? remembered_html(lang, records_for_book(source.memory_records, list),
                                        conversation_hrefs(list, stats), assistant)
                      : std::string()) +
                 digests_html(pipeline.digests()) + "</main>\n" +
                 "<script type=\"application/json\" id=\"search-data\">" +
                 json_for_script(pipeline.search().json()) + "</script>\n" +
                 "<script type=\"application/json\" id=\"book-digests\">" +
                 json_for_script(book_digests_json(pipeline.digests())) + "</script>\n" +
                 page_end(frame));
  out.close();
  if (!out) throw Error(file.string() + ": cannot write");
  return report_of(pipeline, attachments.included(), attachments.unavailable());
}

}  // namespace afterglow::viewer
