// afterglow book [QUERY]: the memorial book, as a folder, one self-contained HTML file, or a PDF.
#include <cstdlib>
#include <ctime>
#include <iostream>

#include "afterglow/model/utf8_path.h"
#include "afterglow/pipeline/book_job.h"
#include "afterglow/platform/platform.h"
#include "commands.h"

namespace afterglow::cli {
namespace {

namespace fs = std::filesystem;

struct BookCommandOptions {
  pipeline::BookRequest request;
  std::string out_dir, single_file, pdf, tz;
  bool quiet = false;
};

void say(const fs::path& path, const viewer::BookReport& r) {
  const auto conversations = static_cast<int64_t>(r.conversations);
  const auto messages = static_cast<int64_t>(r.messages);
  const auto words = static_cast<int64_t>(r.words);
  std::string what =
      i18n::format(plural("{0} conversation", "{0} conversations", conversations), conversations);
  what += i18n::format(plural(", {0} message", ", {0} messages", messages), messages);
  what += i18n::format(plural(", {0} word", ", {0} words", words), words);
  if (r.attachments_included + r.attachments_unavailable > 0) {
    what += i18n::format(_(", {0} attachments included, {1} unavailable"), r.attachments_included,
                         r.attachments_unavailable);
  }
  std::cout << i18n::format(_("Wrote {0}: {1}"), path.string(), what) << "\n";
}

// The paths given on the command line into the request (UTF-8 on every system).
void take_paths(BookCommandOptions& o) {
  o.request.out_dir = utf8_path(o.out_dir);
  o.request.single_file = utf8_path(o.single_file);
  o.request.pdf = utf8_path(o.pdf);
}

// One line on stderr while the pages are written, redrawn every 25 conversations and cleared
// when the next phase begins; nothing when it is turned off.
class ProgressLine {
 public:
  explicit ProgressLine(bool shown) : shown_(shown) {}

  void operator()(const pipeline::BookProgress& p) {
    if (!shown_) return;
    if (p.phase == pipeline::BookPhase::writing && (p.done % 25 == 0 || p.done == p.total)) {
      std::cerr << "\r"
                << i18n::format(_("writing the book: {0} / {1} conversations"), p.done, p.total)
                << std::flush;
      drawn_ = true;
    } else if (p.phase != pipeline::BookPhase::writing && drawn_) {
      std::cerr << "\r\033[K" << std::flush;
      drawn_ = false;
    }
  }

 private:
  bool shown_;
  bool drawn_ = false;
};

// What was written: the PDF by its name, each HTML book with what it holds.
void say_outputs(const pipeline::BookResult& result, const pipeline::BookRequest& request) {
  for (const auto& output : result.outputs) {
    if (output.path == request.pdf) {
      std::cout << i18n::format(_("Wrote {0}"), output.path.string()) << "\n";
    } else {
      say(output.path, output.report);
    }
  }
}

void run_book(const Context& context, BookCommandOptions& o) {
  take_paths(o);
  pipeline::check_book_request(o.request);  // before the time zone or anything else changes
  if (!o.tz.empty()) platform::set_time_zone(o.tz);
  ProgressLine progress(!o.quiet && stderr_is_terminal());
  const auto result =
      pipeline::make_book(context.archive_path(), o.request,
                          [&progress](const pipeline::BookProgress& p) { progress(p); });
  if (!o.quiet) say_outputs(result, o.request);
}

}  // namespace

void add_book_command(CLI::App& app, Context& context) {
  auto o = std::make_shared<BookCommandOptions>();
  auto& r = o->request;
  auto* cmd = app.add_subcommand(
      "book", _("Write the memorial book: offline HTML (a folder or one file) or PDF"));
  cmd->add_option("QUERY", r.query,
                  _("Only conversations matching this search, e.g. model:gpt-4o (default: all)"));
  cmd->add_option("--out", o->out_dir, _("Write the book as a folder: index.html, pages, assets/"));
  cmd->add_option("--single-file", o->single_file,
                  _("Write one self-contained HTML file (images and audio inlined)"));
  cmd->add_option("--pdf", o->pdf, _("Also print it to PDF with headless Chromium"));
  cmd->add_option("--title", r.title, _("Title on the cover"));
  cmd->add_option("--subtitle", r.subtitle, _("Subtitle on the cover"));
  cmd->add_option("--dedication", r.dedication, _("A dedication on the cover"));
  cmd->add_option("--author", r.author, _("Author's name on the cover"));
  cmd->add_option("--lang", r.lang, _("Interface language (default: the content's main language)"))
      ->check(CLI::IsMember({"zh", "en"}));
  cmd->add_option("--tz", o->tz,
                  _("Time zone for dates and times, e.g. Asia/Shanghai (default: TZ)"));
  cmd->add_option("--from", r.from,
                  _("Conversations created on or after this date (YYYY[-MM[-DD]])"));
  cmd->add_option("--to", r.to, _("Conversations created on or before this date (YYYY[-MM[-DD]])"));
  cmd->add_option("--conversation", r.conversations,
                  _("Only this conversation (id or unique prefix); repeat for several"));
  cmd->add_flag("--include-resting", r.include_resting,
                _("Also the conversations put to rest (afterglow rest)"));
  cmd->add_flag("--include-hidden", r.include_hidden,
                _("Include tool calls, reasoning and hidden messages (folded)"));
  cmd->add_flag("--include-memories", r.include_memories,
                _("Add the chapter “What it remembered”: its memory writes, memory snapshots and "
                  "your custom instructions"));
  cmd->add_option("--theme", r.theme, _("light, dark or auto (follows the reader's system)"))
      ->check(CLI::IsMember({"light", "dark", "auto"}));
  cmd->add_option("--paper", r.paper, _("Paper size when printed: a5 or a4"))
      ->check(CLI::IsMember({"a5", "a4"}));
  cmd->add_flag("--quiet", o->quiet, _("Print nothing when all goes well"));
  cmd->callback([o, &context] { run_book(context, *o); });
}

}  // namespace afterglow::cli
