// Checks a book against the archive: every message the book should show is in its page, with
// the digest of its stored text and with the HTML that text becomes; nothing else is there.
// The pages are read by the exact markers the book writes (data-node="…" data-sha256="…" on each
// message, escaped as HTML so a message's own words can never contain them), not parsed as HTML.
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "afterglow/model/errors.h"
#include "afterglow/viewer/book_digests.h"
#include "afterglow/viewer/html_escape.h"

namespace afterglow::viewer {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kManifestFile = "book-digests.json";
constexpr std::string_view kManifestScript =
    "<script type=\"application/json\" id=\"book-digests\">";
constexpr std::string_view kNode = " data-node=\"";
constexpr std::string_view kSha = "\" data-sha256=\"";

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(text).str();
}

std::string escaped(std::string_view text) {
  std::string out;
  append_escaped(out, text);
  return out;
}

// The digests a book carries, as JSON text, from its folder or from inside its single file.
std::string manifest_text(const fs::path& book, std::string* single_file) {
  std::error_code ec;
  if (fs::is_directory(book, ec)) {
    auto text = read_file(book / kManifestFile);
    if (!text) {
      throw InputError(book.string() + ": not a book made by afterglow (no " +
                       std::string(kManifestFile) + ")");
    }
    return *text;
  }
  if (!fs::exists(book, ec)) {
    throw InputError(book.string() + ": no such file or folder", ErrorCode::not_found);
  }
  auto text = read_file(book);
  if (!text) throw InputError(book.string() + ": cannot be read", ErrorCode::unreadable);
  const size_t at = text->find(kManifestScript);
  const size_t end = at == std::string::npos ? at : text->find("</script>", at);
  if (end == std::string::npos) {
    throw InputError(book.string() + ": not a book made by afterglow (no digests inside)");
  }
  std::string json = text->substr(at + kManifestScript.size(), end - at - kManifestScript.size());
  *single_file = std::move(*text);
  return json;
}

BookDigests parse_manifest(const fs::path& book, const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  const auto unreadable = [&book] {
    return InputError(book.string() + ": the book's digests cannot be read");
  };
  if (!j.is_object() || j.value("format", "") != "afterglow-book-digests" ||
      !j.contains("conversations") || !j["conversations"].is_array()) {
    throw unreadable();
  }
  BookDigests d;
  try {
    d.lang = j.value("lang", "en") == "zh" ? Lang::zh : Lang::en;
    d.include_hidden = j.value("include_hidden", false);
    for (const auto& c : j["conversations"]) {
      BookConversationDigest cd;
      cd.source = c.at("source").get<std::string>();
      cd.account = c.at("account").get<std::string>();
      cd.id = c.at("id").get<std::string>();
      cd.page = c.at("page").get<std::string>();
      cd.digest = c.at("digest").get<std::string>();
      for (const auto& m : c.at("messages")) {
        cd.messages.push_back(
            {m.at("node").get<std::string>(), m.at("sha256").get<std::string>(), ""});
      }
      d.conversations.push_back(std::move(cd));
    }
    if (j.contains("originals")) {
      for (const auto& f : j["originals"]) {
        store::OriginalFile o;
        o.path = f.at("path").get<std::string>();
        o.sha256 = f.at("sha256").get<std::string>();
        d.originals.push_back(std::move(o));
      }
    }
  } catch (const nlohmann::json::exception&) {
    throw unreadable();
  }
  return d;
}

// A message as the page has it: its marker's digest and the stretch of page up to the next one.
struct PageMessage {
  std::string sha256;
  std::string_view region;
};

// The messages of one article, keyed by the node id as written (HTML-escaped).
std::map<std::string, PageMessage> page_messages(std::string_view article) {
  std::map<std::string, PageMessage> out;
  std::vector<std::pair<std::string, size_t>> starts;
  for (size_t at = article.find(kNode); at != std::string_view::npos;
       at = article.find(kNode, at + 1)) {
    starts.emplace_back("", at);
  }
  for (size_t k = 0; k < starts.size(); ++k) {
    const size_t at = starts[k].second + kNode.size();
    const size_t end = k + 1 < starts.size() ? starts[k + 1].second : article.size();
    const size_t quote = article.find('"', at);
    if (quote == std::string_view::npos || quote > end) continue;
    std::string node(article.substr(at, quote - at));
    std::string sha;
    if (article.substr(quote, kSha.size()) == kSha) {
      const size_t from = quote + kSha.size();
      const size_t close = article.find('"', from);
      if (close != std::string_view::npos && close <= end) {
        sha = std::string(article.substr(from, close - from));
      }
    }
    out[node] = {sha, article.substr(quote, end - quote)};
  }
  return out;
}

// Where a conversation is shown: its page's <article>, or its <article id> in a single file.
std::optional<std::string_view> find_article(std::string_view text, const std::string& page,
                                             bool single) {
  std::string opening = "<article class=\"conversation\"";
  if (single) {
    if (!page.starts_with("#")) return std::nullopt;
    opening += " id=\"" + escaped(page.substr(1)) + "\"";
  }
  const size_t at = text.find(opening);
  if (at == std::string_view::npos) return std::nullopt;
  const size_t end = text.find("</article>", at);
  if (end == std::string_view::npos) return std::nullopt;
  return text.substr(at, end - at);
}

// A page named by the manifest, only inside the book's folder.
std::optional<std::string> read_page(const fs::path& dir, const std::string& page) {
  const fs::path relative = fs::path(page).lexically_normal();
  if (page.empty() || relative.is_absolute() || relative.has_root_name() ||
      (!relative.empty() && *relative.begin() == "..")) {
    return std::nullopt;
  }
  return read_file(dir / relative);
}

void check_conversation(const store::Archive& archive, const BookDigests& digests,
                        const BookConversationDigest& listed, std::string_view article,
                        BookCheck& check) {
  auto problem = [&](BookProblemKind kind, std::string node = {}) {
    check.problems.push_back({kind, listed.id, std::move(node)});
  };
  store::StoredConversation stored;
  try {
    stored = archive.load({listed.source, listed.account, listed.id});
  } catch (const NotFound&) {
    problem(BookProblemKind::conversation_not_in_archive);
    return;
  }
  ConversationHtmlOptions view;
  view.lang = digests.lang;
  view.include_hidden = digests.include_hidden;
  view.message_digests = true;
  const ConversationHtml html = render_conversation_html(stored.conversation, view);

  std::map<std::string, PageMessage> in_page = page_messages(article);
  std::map<std::string, std::string> in_list;
  for (const auto& m : listed.messages) in_list[m.node] = m.sha256;
  for (const auto& m : html.shown) {
    ++check.messages;
    auto page = in_page.find(escaped(m.node));
    if (page == in_page.end()) {
      problem(BookProblemKind::message_missing, m.node);
    } else {
      if (page->second.sha256 != m.sha256) problem(BookProblemKind::message_digest_differs, m.node);
      if (page->second.region.find(m.body) == std::string_view::npos) {
        problem(BookProblemKind::message_text_differs, m.node);
      }
      in_page.erase(page);
    }
    auto list = in_list.find(m.node);
    if (list == in_list.end()) {
      problem(BookProblemKind::message_not_listed, m.node);
    } else if (list->second != m.sha256) {
      problem(BookProblemKind::listed_digest_differs, m.node);
    }
  }
  for (const auto& [node, unused] : in_page) {
    problem(BookProblemKind::message_not_in_archive, node);
  }
  if (listed.digest != conversation_digest(html.shown)) {
    problem(BookProblemKind::conversation_digest_differs);
  }
}

}  // namespace

std::string_view to_string(BookProblemKind kind) {
  switch (kind) {
    case BookProblemKind::conversation_not_in_archive:
      return "conversation_not_in_archive";
    case BookProblemKind::page_missing:
      return "page_missing";
    case BookProblemKind::conversation_digest_differs:
      return "conversation_digest_differs";
    case BookProblemKind::message_missing:
      return "message_missing";
    case BookProblemKind::message_not_in_archive:
      return "message_not_in_archive";
    case BookProblemKind::message_digest_differs:
      return "message_digest_differs";
    case BookProblemKind::message_text_differs:
      return "message_text_differs";
    case BookProblemKind::message_not_listed:
      return "message_not_listed";
    case BookProblemKind::listed_digest_differs:
      return "listed_digest_differs";
    case BookProblemKind::original_not_in_archive:
      return "original_not_in_archive";
  }
  return "unknown";
}

BookCheck verify_book(const store::Archive& archive, const fs::path& book) {
  std::string single_file;
  const BookDigests digests = parse_manifest(book, manifest_text(book, &single_file));
  const bool single = !single_file.empty();
  BookCheck check;
  for (const auto& listed : digests.conversations) {
    ++check.conversations;
    std::optional<std::string> page;
    if (!single) page = read_page(book, listed.page);
    std::optional<std::string_view> article;
    if (single) {
      article = find_article(single_file, listed.page, true);
    } else if (page) {
      article = find_article(*page, listed.page, false);
    }
    if (!article) {
      check.problems.push_back({BookProblemKind::page_missing, listed.id, ""});
      continue;
    }
    check_conversation(archive, digests, listed, *article, check);
  }
  const std::vector<store::OriginalFile> kept = archive.originals();
  for (const auto& f : digests.originals) {
    ++check.originals;
    bool found = false;
    for (const auto& k : kept) found = found || (k.path == f.path && k.sha256 == f.sha256);
    if (!found) check.problems.push_back({BookProblemKind::original_not_in_archive, f.path, ""});
  }
  return check;
}

}  // namespace afterglow::viewer
