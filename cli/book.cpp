// afterglow book [QUERY]: the memorial book, as a folder, one self-contained HTML file, or a PDF.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <iostream>
#include <set>

#include "afterglow/indexer/search.h"
#include "afterglow/model/errors.h"
#include "afterglow/model/local_time.h"
#include "afterglow/viewer/html_book.h"
#include "commands.h"

extern char** environ;

namespace afterglow::cli {
namespace {

namespace fs = std::filesystem;

struct BookCommandOptions {
  std::string query;
  std::string out_dir, single_file, pdf;
  std::string title, subtitle, dedication, author;
  std::string lang, tz, from, to, theme = "auto", paper = "a5";
  std::vector<std::string> conversations;
  bool include_hidden = false;
  bool quiet = false;
};

model::TimeRange date_or_throw(const std::string& text, const char* option) {
  auto range = model::parse_local_date(text);
  if (!range) {
    throw InputError(std::string(option) + " " + text +
                     ": not a date; use YYYY, YYYY-MM or YYYY-MM-DD");
  }
  return *range;
}

// The conversations the book holds: all, or those the filters and the query choose.
std::vector<store::ConversationSummary> select(const store::Archive& archive,
                                               const BookCommandOptions& o) {
  store::ListFilter filter;
  if (!o.from.empty()) filter.after = date_or_throw(o.from, "--from").begin;
  if (!o.to.empty()) filter.before = date_or_throw(o.to, "--to").end;  // --to is inclusive
  auto list = archive.list(filter);
  if (!o.conversations.empty()) {
    std::set<std::string> wanted;
    for (const auto& id : o.conversations) wanted.insert(archive.resolve_id(id));
    std::erase_if(list, [&](const auto& s) { return !wanted.contains(s.id); });
  }
  if (!o.query.empty()) {
    indexer::SearchOptions search;
    search.limit = 1'000'000;
    search.per_conversation = 1;
    search.include_all = o.include_hidden;
    std::set<std::string> matching;
    for (const auto& hit : indexer::search(archive, o.query, search).hits) {
      matching.insert(hit.conversation);
    }
    std::erase_if(list, [&](const auto& s) { return !matching.contains(s.id); });
  }
  return list;
}

std::string selection_text(const BookCommandOptions& o, size_t chosen) {
  std::string text;
  auto add = [&](const std::string& part) { text += (text.empty() ? "" : "; ") + part; };
  if (!o.query.empty()) add(o.query);
  if (!o.from.empty()) add("--from " + o.from);
  if (!o.to.empty()) add("--to " + o.to);
  if (!o.conversations.empty()) add(std::to_string(chosen) + " × --conversation");
  return text;
}

std::optional<fs::path> find_chromium() {
  if (const char* env = std::getenv("AFTERGLOW_CHROMIUM"); env && *env) {
    if (access(env, X_OK) == 0) return fs::path(env);
    return std::nullopt;
  }
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (const char* name :
       {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}) {
    size_t start = 0;
    while (start <= dirs.size()) {
      size_t end = dirs.find(':', start);
      if (end == std::string::npos) end = dirs.size();
      fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
      if (access(candidate.c_str(), X_OK) == 0) return candidate;
      start = end + 1;
    }
  }
  return std::nullopt;
}

// Prints an HTML file to PDF with headless Chromium, its profile in a fresh temporary folder and
// every background network feature off: the book itself makes no request.
void print_pdf(const fs::path& chromium, const fs::path& html, const fs::path& pdf) {
  std::string profile_template = (fs::temp_directory_path() / "afterglow-pdf-XXXXXX").string();
  if (!mkdtemp(profile_template.data())) throw Error(profile_template + ": cannot create");
  fs::path profile = profile_template;
  std::vector<std::string> args = {chromium.string(),
                                   "--headless",
                                   "--disable-gpu",
                                   "--no-first-run",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--disable-quic",
                                   "--user-data-dir=" + profile.string(),
                                   "--no-pdf-header-footer",
                                   "--print-to-pdf=" + fs::absolute(pdf).string(),
                                   "file://" + fs::absolute(html).string()};
  if (geteuid() == 0) args.insert(args.begin() + 1, "--no-sandbox");  // Chromium refuses root
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // Chromium is chatty on stderr even when all is well.
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  if (rc == 0) waitpid(pid, &status, 0);
  std::error_code ec;
  fs::remove_all(profile, ec);
  if (rc != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || !fs::exists(pdf)) {
    throw Error(pdf.string() + ": Chromium (" + chromium.string() + ") could not print the book");
  }
}

void run_book(const Context& context, const BookCommandOptions& o) {
  if (o.out_dir.empty() && o.single_file.empty() && o.pdf.empty()) {
    throw InputError(
        "book: say where to write it: --out DIR, --single-file FILE.html or --pdf FILE");
  }
  std::optional<fs::path> chromium;
  if (!o.pdf.empty()) {
    chromium = find_chromium();
    if (!chromium) {
      std::cerr << "afterglow: --pdf needs Chromium, which is not installed (looked for chromium, "
                   "chromium-browser, google-chrome; or set AFTERGLOW_CHROMIUM). Write the book "
                   "with --out or --single-file, open it in a browser and use Print → Save as "
                   "PDF.\n";
      throw Exit{2};
    }
  }
  if (!o.tz.empty()) {
    setenv("TZ", o.tz.c_str(), 1);
    tzset();
  }
  viewer::BookOptions options;
  options.title = o.title;
  options.subtitle = o.subtitle;
  options.dedication = o.dedication;
  options.author = o.author;
  if (o.lang == "zh") options.lang = viewer::Lang::zh;
  if (o.lang == "en") options.lang = viewer::Lang::en;
  options.include_hidden = o.include_hidden;
  options.theme = o.theme == "light"  ? viewer::Theme::light
                  : o.theme == "dark" ? viewer::Theme::dark
                                      : viewer::Theme::automatic;
  options.paper = o.paper == "a4" ? viewer::Paper::a4 : viewer::Paper::a5;

  auto archive = context.open_for_reading();
  if (!o.query.empty() && !indexer::index_is_current(*archive, indexer::Engine::xapian)) {
    // The search index is derived from the archive: bring it up to date rather than fail.
    archive.reset();
    indexer::update_indexes(
        *store::Archive::open(context.archive_path(), store::Archive::Mode::read_write));
    archive = context.open_for_reading();
  }
  auto chosen = select(*archive, o);
  options.selection = selection_text(o, chosen.size());
  auto source = viewer::book_source(*archive, std::move(chosen));
  const bool show_progress = !o.quiet && stderr_is_terminal();
  auto progress = [show_progress](size_t done, size_t total) {
    if (show_progress && (done % 25 == 0 || done == total)) {
      std::cerr << "\rwriting the book: " << done << " / " << total << " conversations"
                << std::flush;
    }
  };
  auto finish_progress = [show_progress] {
    if (show_progress) std::cerr << "\r\033[K" << std::flush;
  };
  auto say = [&](const std::string& what, const viewer::BookReport& r) {
    finish_progress();
    if (o.quiet) return;
    std::cout << what << ": " << r.conversations
              << (r.conversations == 1 ? " conversation, " : " conversations, ") << r.messages
              << " messages, " << r.words << " words";
    if (r.attachments_included + r.attachments_unavailable > 0) {
      std::cout << ", " << r.attachments_included << " attachments included, "
                << r.attachments_unavailable << " unavailable";
    }
    std::cout << "\n";
  };

  if (!o.out_dir.empty()) {
    auto report = viewer::write_book_folder(source, options, o.out_dir, progress);
    say("Wrote " + (fs::path(o.out_dir) / "index.html").string(), report);
  }
  if (!o.single_file.empty()) {
    auto report = viewer::write_book_file(source, options, o.single_file, progress);
    say("Wrote " + o.single_file, report);
  }
  if (!o.pdf.empty()) {
    // Chromium prints the single-file book; a temporary one when none was asked for.
    fs::path html = o.single_file;
    fs::path temp_dir;
    if (html.empty()) {
      std::string dir_template = (fs::temp_directory_path() / "afterglow-book-XXXXXX").string();
      if (!mkdtemp(dir_template.data())) throw Error(dir_template + ": cannot create");
      temp_dir = dir_template;
      html = temp_dir / "book.html";
      auto print_options = options;
      print_options.theme = viewer::Theme::light;
      viewer::write_book_file(source, print_options, html, progress);
      finish_progress();
    }
    try {
      print_pdf(*chromium, html, o.pdf);
    } catch (...) {
      if (!temp_dir.empty()) fs::remove_all(temp_dir);
      throw;
    }
    if (!temp_dir.empty()) fs::remove_all(temp_dir);
    if (!o.quiet) std::cout << "Wrote " << o.pdf << "\n";
  }
}

}  // namespace

void add_book_command(CLI::App& app, Context& context) {
  auto o = std::make_shared<BookCommandOptions>();
  auto* cmd = app.add_subcommand(
      "book", "Write the memorial book: offline HTML (a folder or one file) or PDF");
  cmd->add_option("QUERY", o->query,
                  "Only conversations matching this search, e.g. model:gpt-4o (default: all)");
  cmd->add_option("--out", o->out_dir, "Write the book as a folder: index.html, pages, assets/");
  cmd->add_option("--single-file", o->single_file,
                  "Write one self-contained HTML file (images and audio inlined)");
  cmd->add_option("--pdf", o->pdf, "Also print it to PDF with headless Chromium");
  cmd->add_option("--title", o->title, "Title on the cover");
  cmd->add_option("--subtitle", o->subtitle, "Subtitle on the cover");
  cmd->add_option("--dedication", o->dedication, "A dedication on the cover");
  cmd->add_option("--author", o->author, "Author's name on the cover");
  cmd->add_option("--lang", o->lang, "Interface language (default: the content's main language)")
      ->check(CLI::IsMember({"zh", "en"}));
  cmd->add_option("--tz", o->tz, "Time zone for dates and times, e.g. Asia/Shanghai (default: TZ)");
  cmd->add_option("--from", o->from,
                  "Conversations created on or after this date (YYYY[-MM[-DD]])");
  cmd->add_option("--to", o->to, "Conversations created on or before this date (YYYY[-MM[-DD]])");
  cmd->add_option("--conversation", o->conversations,
                  "Only this conversation (id or unique prefix); repeat for several");
  cmd->add_flag("--include-hidden", o->include_hidden,
                "Include tool calls, reasoning and hidden messages (folded)");
  cmd->add_option("--theme", o->theme, "light, dark or auto (follows the reader's system)")
      ->check(CLI::IsMember({"light", "dark", "auto"}));
  cmd->add_option("--paper", o->paper, "Paper size when printed: a5 or a4")
      ->check(CLI::IsMember({"a5", "a4"}));
  cmd->add_flag("--quiet", o->quiet, "Print nothing when all goes well");
  cmd->callback([o, &context] { run_book(context, *o); });
}

}  // namespace afterglow::cli
