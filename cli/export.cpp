// afterglow export: the original export files exactly as they were imported (--original DIR),
// or the conversations in an open format (--format F [QUERY] --out DIR|FILE).
#include <iostream>
#include <nlohmann/json.hpp>

#include "afterglow/exporter/format.h"
#include "afterglow/model/utf8_path.h"
#include "afterglow/pipeline/export_job.h"
#include "commands.h"

namespace afterglow::cli {
namespace {

struct ExportCommandOptions {
  std::string original;
  std::string format;
  std::string query;
  std::string out;
  std::string lang;
  size_t budget = 0;
  bool json = false;
  bool quiet = false;
};

void export_originals(const Context& context, const std::string& dir) {
  auto archive = context.open_for_reading();
  archive->export_originals(utf8_path(dir));
  auto files = archive->originals();
  int64_t bytes = 0;
  for (const auto& f : files) bytes += f.size;
  const auto count = static_cast<int64_t>(files.size());
  std::cout << i18n::format(plural("Wrote {0} original file ({1} bytes) to {2}",
                                   "Wrote {0} original files ({1} bytes) to {2}", count),
                            count, bytes, dir)
            << "\n";
}

nlohmann::ordered_json summary_json(const pipeline::ExportResult& r) {
  nlohmann::ordered_json j;
  j["format"] = exporter::to_string(r.format);
  j["out"] = utf8_string(r.out);
  j["conversations"] = r.counts.conversations;
  j["messages"] = r.counts.messages;
  j["attachments_copied"] = r.counts.attachments_copied;
  j["attachments_unavailable"] = r.counts.attachments_unavailable;
  j["files"] = r.counts.files;
  return j;
}

void say(const pipeline::ExportResult& r) {
  const auto& c = r.counts;
  std::string what = i18n::format(plural("{0} conversation", "{0} conversations", c.conversations),
                                  c.conversations);
  if (r.format == exporter::Format::jsonl) {
    what += i18n::format(plural(", {0} line", ", {0} lines", c.messages), c.messages);
  } else {
    what += i18n::format(plural(", {0} message", ", {0} messages", c.messages), c.messages);
  }
  if (c.attachments_copied + c.attachments_unavailable > 0) {
    what += i18n::format(_(", {0} attachments included, {1} unavailable"), c.attachments_copied,
                         c.attachments_unavailable);
  }
  std::cout << i18n::format(_("Wrote {0}: {1}"), utf8_string(r.out), what) << "\n";
}

void export_format(const Context& context, const ExportCommandOptions& o) {
  auto format = exporter::format_from_string(o.format);
  if (!format) {
    throw InputError(i18n::format(_("--format {0}: not a format afterglow writes; use one of {1}"),
                                  o.format, exporter::format_names()));
  }
  pipeline::ExportRequest request;
  request.format = *format;
  request.query = o.query;
  request.out = utf8_path(o.out);
  request.lang = o.lang;
  request.budget = o.budget;
  pipeline::check_export_request(request);
  const bool show_progress = !o.quiet && !o.json && stderr_is_terminal();
  bool drawn = false;
  auto progress = [&](const pipeline::ExportProgress& p) {
    if (!show_progress) return;
    if (p.phase == pipeline::ExportPhase::writing && (p.done % 25 == 0 || p.done == p.total)) {
      std::cerr << "\r" << i18n::format(_("exporting: {0} / {1} conversations"), p.done, p.total)
                << std::flush;
      drawn = true;
    } else if (p.phase == pipeline::ExportPhase::finished && drawn) {
      std::cerr << "\r\033[K" << std::flush;
    }
  };
  auto result = pipeline::run_export(context.archive_path(), request, progress);
  if (o.json) {
    std::cout << summary_json(result).dump() << "\n";
  } else if (!o.quiet) {
    say(result);
  }
}

}  // namespace

void add_export_command(CLI::App& app, Context& context) {
  auto o = std::make_shared<ExportCommandOptions>();
  auto* cmd = app.add_subcommand("export", _("Give back what the archive keeps"));
  auto* original =
      cmd->add_option("--original", o->original,
                      _("Write the original export files, byte-identical, into this folder"));
  auto* format = cmd->add_option(
      "--format", o->format,
      _("Write the conversations as jsonl, markdown, obsidian (a vault), html (a page each), "
        "chatgpt (conversations.json and files, for other chat apps), epub (the book for "
        "e-readers, one file) or packet (a continuity packet to give another model: your "
        "instructions, its memories, some exchanges)"));
  original->excludes(format);
  cmd->add_option("QUERY", o->query,
                  _("Only conversations matching this search, or one conversation's id "
                    "(default: all)"));
  cmd->add_option("--out", o->out,
                  _("The folder to make (a file for jsonl and epub); it must be new or empty"));
  cmd->add_option("--lang", o->lang,
                  _("Language of headings and labels (default: the content's main language)"))
      ->check(CLI::IsMember({"zh", "en"}));
  cmd->add_option("--budget", o->budget, _("packet: its size in characters (default 20000)"));
  cmd->add_flag("--json", o->json, _("Print the summary as one JSON object"));
  cmd->add_flag("--quiet", o->quiet, _("Print nothing when all goes well"));
  cmd->callback([o, &context] {
    if (!o->original.empty()) return export_originals(context, o->original);
    if (o->format.empty()) {
      throw InputError(_("export: say what to write: --format F --out DIR, or --original DIR"));
    }
    export_format(context, *o);
  });
}

}  // namespace afterglow::cli
