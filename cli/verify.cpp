// afterglow verify: reads the whole archive back and says whether every byte is still what was
// stored. Exit status 0 when all is well, 1 when anything is wrong (each problem on its own line).
// With --book it checks a book made from the archive instead.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "afterglow/indexer/check.h"
#include "afterglow/model/errors.h"
#include "afterglow/model/utf8_path.h"
#include "afterglow/store/verify.h"
#include "afterglow/viewer/book_digests.h"
#include "afterglow/viewer/terminal_text.h"
#include "commands.h"

namespace afterglow::cli {
namespace {

std::string megabytes(int64_t bytes) {
  char out[32];
  std::snprintf(out, sizeof out, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return out;
}

store::VerifyProgressFn progress_line(bool enabled) {
  if (!enabled) return {};
  return [](const std::string& step, int64_t done, int64_t total) {
    // TRANSLATORS: {0} is the step in English words, e.g. "blobs".
    const std::string line = i18n::format(_("Verifying {0}: {1} / {2}"), step, done, total);
    std::fprintf(stderr, "\r\x1b[K%s", line.c_str());
    std::fflush(stderr);
  };
}

// Prints the index's line and returns its problems, as report lines.
std::vector<std::string> report_index(std::ostream& out, const indexer::IndexCheck& check) {
  // The problems are kept in English words, as the archive's own checks give theirs.
  const std::string name = std::string("search (") + indexer::to_string(check.engine) + ")";
  const std::string label = i18n::format(_("  search ({0}): "), indexer::to_string(check.engine));
  out << label;
  if (!check.present) {
    out << _("not built yet (derived data: `afterglow reindex` builds it)") << "\n";
    return {};
  }
  out << i18n::format(plural("{0} document", "{0} documents", check.documents), check.documents);
  if (check.ok()) out << _(", agree with the archive");
  if (check.behind > 0) {
    out << i18n::format(_(" ({0} newer messages not indexed yet; the next search adds them)"),
                        check.behind);
  }
  out << "\n";
  std::vector<std::string> problems;
  for (const auto& key : check.missing) {
    problems.push_back(name + ": no document for message " + key);
  }
  if (check.missing_count > static_cast<int64_t>(check.missing.size())) {
    problems.push_back(
        name + ": ... " +
        std::to_string(check.missing_count - static_cast<int64_t>(check.missing.size())) +
        " more messages without a document");
  }
  for (const auto& key : check.extra) {
    problems.push_back(name + ": document for a message the archive does not have: " + key);
  }
  if (check.extra_count > static_cast<int64_t>(check.extra.size())) {
    problems.push_back(
        name + ": ... " +
        std::to_string(check.extra_count - static_cast<int64_t>(check.extra.size())) +
        " more documents for messages the archive does not have");
  }
  for (const auto& p : check.problems) problems.push_back(name + ": " + p);
  return problems;
}

struct VerifyOptions {
  std::string book;  // --book: check this book against the archive instead
  bool json = false;
};

// What a difference between the book and the archive is, in the reader's language.
std::string book_problem_text(viewer::BookProblemKind kind) {
  using K = viewer::BookProblemKind;
  switch (kind) {
    case K::conversation_not_in_archive:
      return _("the archive has no such conversation");
    case K::page_missing:
      return _("its page is missing from the book");
    case K::conversation_digest_differs:
      return _("the book's digest of the conversation is not that of the archive's messages");
    case K::message_missing:
      return _("the archive's message is missing from the book");
    case K::message_not_in_archive:
      return _("the book has a message the archive does not have");
    case K::message_digest_differs:
      return _("the page's digest (data-sha256) is not that of the stored text");
    case K::message_text_differs:
      return _("the text shown differs from the stored text");
    case K::message_not_listed:
      return _("missing from the book's list of digests");
    case K::listed_digest_differs:
      return _("its digest in the book's list is not that of the stored text");
    case K::original_not_in_archive:
      return _("the archive keeps no export file of this name and digest");
  }
  return {};
}

std::string book_problem_line(const viewer::BookProblem& p) {
  const std::string what = book_problem_text(p.kind);
  if (p.kind == viewer::BookProblemKind::original_not_in_archive) {
    return i18n::format(_("export file {0}: {1}"), p.conversation, what);
  }
  if (p.node.empty()) return i18n::format(_("conversation {0}: {1}"), p.conversation, what);
  return i18n::format(_("conversation {0}, message {1}: {2}"), p.conversation, p.node, what);
}

void print_book_json(const std::filesystem::path& book, const viewer::BookCheck& check) {
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& p : check.problems) {
    problems.push_back(
        {{"kind", viewer::to_string(p.kind)}, {"conversation", p.conversation}, {"node", p.node}});
  }
  std::cout << viewer::terminal_json({{"book", book.string()},
                                      {"conversations", check.conversations},
                                      {"messages", check.messages},
                                      {"originals", check.originals},
                                      {"ok", check.problems.empty()},
                                      {"problems", std::move(problems)}},
                                     2)
            << "\n";
}

// verify --book: every message of the book against the archive. 0 when they agree, 1 when they
// differ (each difference named), 2 when the book or the archive cannot be used.
void verify_book(const Context& context, const VerifyOptions& options) {
  const std::filesystem::path book = utf8_path(options.book);
  auto archive = context.open_for_reading();
  const viewer::BookCheck check = viewer::verify_book(*archive, book);
  if (options.json) {
    print_book_json(book, check);
  } else {
    std::ostream& out = std::cout;
    out << i18n::format(_("Verifying the book {0}"), viewer::terminal_text(book.string())) << "\n";
    out << i18n::format(_("  conversations:  {0}"), check.conversations) << "\n";
    out << i18n::format(_("  messages:       {0}, each against its stored text"), check.messages)
        << "\n";
    out << i18n::format(_("  original files: {0}"), check.originals) << "\n";
    for (const auto& p : check.problems) {
      out << i18n::format(_("difference: {0}"), viewer::terminal_text(book_problem_line(p)))
          << "\n";
    }
    const auto count = static_cast<int64_t>(check.problems.size());
    if (count == 0) {
      out << _("The book holds the archive's words.") << "\n";
    } else {
      out << i18n::format(plural("{0} difference found.", "{0} differences found.", count), count)
          << "\n";
    }
  }
  if (!check.problems.empty()) throw Exit{1};
}

void verify(const Context& context) {
  const auto path = context.archive_path();
  if (!std::filesystem::exists(path)) context.open_for_reading();  // says how to make one
  std::ostream& out = std::cout;
  out << i18n::format(_("Verifying {0}"), path) << "\n";
  std::unique_ptr<store::Archive> archive;
  try {
    archive = store::Archive::open(path, store::Archive::Mode::read_only);
  } catch (const ArchiveError& e) {
    out << i18n::format(_("problem: {0}"), viewer::terminal_text(e.what())) << "\n"
        << _("1 problem found: the archive cannot be opened.") << "\n";
    throw Exit{1};
  }
  const bool progress = stderr_is_terminal();
  store::VerifyReport report = store::verify_archive(*archive, progress_line(progress));
  if (progress) std::fprintf(stderr, "\r\x1b[K");
  out << (report.database_ok ? _("  database:       integrity check ok")
                             : _("  database:       DAMAGED"))
      << "\n";
  out << i18n::format(_("  original files: {0} checked against their blobs"), report.sources)
      << "\n";
  out << i18n::format(_("  blobs:          {0} read back ({1}), each checked against its SHA-256"),
                      report.blobs, megabytes(report.blob_bytes))
      << "\n";
  out << i18n::format(_("  conversations:  {0}, metadata readable"), report.conversations) << "\n";
  out << i18n::format(_("  messages:       {0}, text and raw JSON decompressed"), report.messages)
      << "\n";
  out << i18n::format(_("  attachments:    {0} linked to stored bytes"), report.attachments)
      << "\n";
  out << i18n::format(_("  keepsakes:      {0}, each on the message or conversation it was "
                        "kept with"),
                      report.keepsakes)
      << "\n";
  out << i18n::format(_("  memory records: {0}, each where it happened"), report.memory_records)
      << "\n";
  std::vector<std::string> problems = std::move(report.problems);
  for (const auto& check : indexer::check_indexes(*archive)) {
    for (auto& p : report_index(out, check)) problems.push_back(std::move(p));
  }
  // A problem may quote what the archive holds (an id, a name): shown, never sent as controls.
  for (const auto& p : problems) {
    out << i18n::format(_("problem: {0}"), viewer::terminal_text(p)) << "\n";
  }
  if (problems.empty()) {
    out << _("All checks passed.") << "\n";
    return;
  }
  const auto count = static_cast<int64_t>(problems.size());
  out << i18n::format(plural("{0} problem found.", "{0} problems found.", count), count) << "\n";
  throw Exit{1};
}

}  // namespace

void add_verify_command(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand(
      "verify",
      _("Check the archive: SQLite integrity, every stored file's SHA-256, every message, and "
        "that the search indexes agree (exit status 1 when anything is wrong)"));
  auto options = std::make_shared<VerifyOptions>();
  cmd->add_option("--book", options->book,
                  _("Check a book (its folder or single file) against the archive instead: every "
                    "message's text and digest"));
  cmd->add_flag("--json", options->json, _("With --book: print the result as JSON"));
  cmd->callback([&context, options] {
    if (!options->book.empty()) {
      verify_book(context, *options);
    } else {
      verify(context);
    }
  });
}

}  // namespace afterglow::cli
