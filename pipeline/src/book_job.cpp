#include "afterglow/pipeline/book_job.h"

#include <set>
#include <tuple>

#include "afterglow/i18n/translate.h"
#include "afterglow/indexer/query.h"
#include "afterglow/indexer/search.h"
#include "afterglow/model/errors.h"
#include "afterglow/model/local_time.h"
#include "afterglow/platform/platform.h"
#include "afterglow/store/archive.h"
#include "book_pdf.h"

namespace afterglow::pipeline {
namespace fs = std::filesystem;
namespace {

model::TimeRange date_or_throw(const std::string& text, const char* option) {
  auto range = model::parse_local_date(text);
  if (!range) {
    throw InputError(
        std::string(option) + " " + text + ": not a date; use YYYY, YYYY-MM or YYYY-MM-DD",
        ErrorCode::bad_date);
  }
  return *range;
}

// The conversations the book holds: all, or those the filters and the query choose.
std::vector<store::ConversationSummary> select(const store::Archive& archive,
                                               const BookRequest& r) {
  store::ListFilter filter;
  if (!r.from.empty()) filter.after = date_or_throw(r.from, "--from").begin;
  if (!r.to.empty()) filter.before = date_or_throw(r.to, "--to").end;  // --to is inclusive
  // A conversation named by its id is asked for, even at rest.
  filter.leave_out_resting = !r.include_resting && r.conversations.empty();
  auto list = archive.list(filter);
  if (!r.conversations.empty()) {
    // A bare id that several accounts hold takes every copy: the book asked for that id.
    std::set<std::string> wanted;
    for (const auto& id : r.conversations) {
      try {
        wanted.insert(archive.resolve_id(id));
      } catch (const store::AmbiguousConversation& several) {
        wanted.insert(several.candidates.front().id);
      }
    }
    std::erase_if(list, [&](const auto& s) { return !wanted.contains(s.id); });
  }
  if (!r.query.empty()) {
    indexer::SearchOptions search;
    search.limit = 1'000'000;
    search.per_conversation = 1;
    search.include_all = r.include_hidden;
    // By copy: a word in one account's copy of a conversation does not choose the other's.
    std::set<std::tuple<std::string, std::string, std::string>> matching;
    for (const auto& hit : indexer::search(archive, r.query, search).hits) {
      matching.emplace(hit.source, hit.account, hit.conversation);
    }
    std::erase_if(list, [&](const auto& s) {
      return !matching.contains({s.source, s.account, s.id});
    });
  }
  return list;
}

// How the conversations were chosen, for the book's about page.
std::string selection_text(const BookRequest& r, size_t chosen) {
  std::string text;
  auto add = [&](const std::string& part) { text += (text.empty() ? "" : "; ") + part; };
  if (!r.query.empty()) add(r.query);
  if (!r.from.empty()) add("--from " + r.from);
  if (!r.to.empty()) add("--to " + r.to);
  if (!r.conversations.empty()) add(std::to_string(chosen) + " × --conversation");
  return text;
}

viewer::BookOptions book_options(const BookRequest& r) {
  viewer::BookOptions options;
  options.title = r.title;
  options.subtitle = r.subtitle;
  options.dedication = r.dedication;
  options.author = r.author;
  if (r.lang == "zh") options.lang = viewer::Lang::zh;
  if (r.lang == "en") options.lang = viewer::Lang::en;
  options.include_hidden = r.include_hidden;
  options.include_memories = r.include_memories;
  options.theme = r.theme == "light"  ? viewer::Theme::light
                  : r.theme == "dark" ? viewer::Theme::dark
                                      : viewer::Theme::automatic;
  options.paper = r.paper == "a4" ? viewer::Paper::a4 : viewer::Paper::a5;
  // A book of model:gpt-4o holds GPT-4o's words, and marks (keeps) another model's answers.
  if (!r.query.empty()) {
    options.featured_models = indexer::featured_models(indexer::parse_query(r.query).root);
  }
  return options;
}

// Removes a temporary folder however the scope is left.
struct TemporaryFolder {
  fs::path path;
  ~TemporaryFolder() {
    std::error_code ignored;
    if (!path.empty()) fs::remove_all(path, ignored);
  }
};

}  // namespace

const char* to_string(BookPhase phase) {
  switch (phase) {
    case BookPhase::selecting:
      return "selecting";
    case BookPhase::writing:
      return "writing";
    case BookPhase::printing:
      return "printing";
    case BookPhase::packing:
      return "packing";
    case BookPhase::finished:
      break;
  }
  return "finished";
}

void check_book_request(const BookRequest& r) {
  if (r.out_dir.empty() && r.single_file.empty() && r.pdf.empty()) {
    throw InputError(
        i18n::_("book: say where to write it: --out DIR, --single-file FILE.html or --pdf FILE"));
  }
  if (!r.from.empty()) date_or_throw(r.from, "--from");
  if (!r.to.empty()) date_or_throw(r.to, "--to");
  if (r.theme != "light" && r.theme != "dark" && r.theme != "auto") {
    throw InputError("--theme " + r.theme + ": use light, dark or auto");
  }
  if (r.paper != "a5" && r.paper != "a4") throw InputError("--paper " + r.paper + ": use a5 or a4");
  if (!r.lang.empty() && r.lang != "zh" && r.lang != "en") {
    throw InputError("--lang " + r.lang + ": use zh or en");
  }
  if (!r.pdf.empty() && !platform::find_chromium()) {
    throw Error(i18n::_("--pdf needs Chromium, which is not installed (looked for chromium, "
                        "chromium-browser, google-chrome, Edge; or set AFTERGLOW_CHROMIUM). Write "
                        "the book with --out or --single-file, open it in a browser and use Print "
                        "→ Save as PDF."),
                ErrorCode::no_pdf_printer);
  }
}

namespace {

// The progress a book job reports, with a cancel check at every step.
class BookSteps {
 public:
  BookSteps(const BookProgressFn& progress, const CancelFlag* cancel)
      : progress_(progress), cancel_(cancel) {}

  // The writing phase is told with its first page; the others as they begin.
  void set_phase(BookPhase phase) { state_.phase = phase; }
  void enter(BookPhase phase) {
    set_phase(phase);
    report();
  }
  void report() const {
    if (progress_) progress_(state_);
  }
  void check_cancel() const {
    if (cancel_) cancel_->check();
  }
  // A page callback for the book writers: cancel is checked before each conversation.
  viewer::BookProgress pages() {
    return [this](size_t done, size_t total) {
      check_cancel();
      state_.done = done;
      state_.total = total;
      report();
    };
  }

 private:
  const BookProgressFn& progress_;
  const CancelFlag* cancel_;
  BookProgress state_;
};

std::unique_ptr<store::Archive> open_read_only(const fs::path& archive_path) {
  if (!fs::exists(archive_path)) {
    throw ArchiveError(
        archive_path.string() +
        ": no archive here yet; import an export first: afterglow import EXPORT.zip");
  }
  return store::Archive::open(archive_path, store::Archive::Mode::read_only);
}

// The archive to read the book from. A query needs the search index, which is derived from the
// archive: it is brought up to date rather than failing.
std::unique_ptr<store::Archive> open_for_book(const fs::path& archive_path, const BookRequest& r) {
  auto archive = open_read_only(archive_path);
  if (r.query.empty() || indexer::index_is_current(*archive, indexer::Engine::xapian)) {
    return archive;
  }
  archive.reset();
  indexer::update_indexes(*store::Archive::open(archive_path, store::Archive::Mode::read_write));
  return open_read_only(archive_path);
}

// The PDF: Chromium prints the single-file book, or a temporary one in the light theme when
// none was asked for. Returns what the printed book holds.
viewer::BookReport print_book(const viewer::BookSource& source, const viewer::BookOptions& options,
                              const BookRequest& r, const BookResult& so_far, BookSteps& steps) {
  fs::path html = r.single_file;
  TemporaryFolder temporary;
  viewer::BookReport book =
      so_far.outputs.empty() ? viewer::BookReport{} : so_far.outputs.back().report;
  if (html.empty()) {
    temporary.path = platform::make_private_temp_dir("afterglow-book-");
    html = temporary.path / "book.html";
    auto print_options = options;
    print_options.theme = viewer::Theme::light;
    book = viewer::write_book_file(source, print_options, html, steps.pages());
  }
  steps.check_cancel();
  steps.enter(BookPhase::printing);
  print_pdf(html, r.pdf);
  return book;
}

}  // namespace

BookResult make_book(const fs::path& archive_path, const BookRequest& r,
                     const BookProgressFn& progress, const CancelFlag* cancel) {
  check_book_request(r);
  BookSteps steps(progress, cancel);
  steps.report();
  auto archive = open_for_book(archive_path, r);
  auto chosen = select(*archive, r);
  if (chosen.empty() && r.refuse_empty) {
    throw Error("no conversation matches this selection", ErrorCode::nothing_selected);
  }
  steps.check_cancel();
  auto options = book_options(r);
  options.selection = selection_text(r, chosen.size());
  const auto source = viewer::book_source(*archive, std::move(chosen));

  BookResult result;
  steps.set_phase(BookPhase::writing);
  if (!r.out_dir.empty()) {
    auto book = viewer::write_book_folder(source, options, r.out_dir, steps.pages());
    result.outputs.push_back({r.out_dir / "index.html", book});
  }
  if (!r.single_file.empty()) {
    auto book = viewer::write_book_file(source, options, r.single_file, steps.pages());
    result.outputs.push_back({r.single_file, book});
  }
  if (!r.pdf.empty())
    result.outputs.push_back({r.pdf, print_book(source, options, r, result, steps)});
  steps.enter(BookPhase::finished);
  return result;
}

}  // namespace afterglow::pipeline
