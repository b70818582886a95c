// afterglow import PATH...: read exports into the archive, then print what changed.
#include <cctype>
#include <iostream>
#include <nlohmann/json.hpp>

#include "afterglow/model/utf8_path.h"
#include "afterglow/pipeline/import_job.h"
#include "afterglow/viewer/html_conversation.h"
#include "afterglow/viewer/terminal_text.h"
#include "commands.h"
#include "progress.h"

namespace afterglow::cli {
namespace {

struct ImportOptions {
  std::vector<std::string> inputs;
  bool json = false;
  importer::Limits limits;
};

// "64GB", "500MB", "2GiB" or plain bytes -> bytes; throws CLI::ValidationError otherwise.
int64_t parse_size(const std::string& text) {
  size_t end = 0;
  double number = 0;
  try {
    number = std::stod(text, &end);
  } catch (const std::exception&) {
    end = 0;
  }
  std::string unit = text.substr(end);
  for (auto& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const std::pair<const char*, double> units[] = {
      {"", 1},      {"B", 1},       {"KB", 1e3},      {"MB", 1e6},      {"GB", 1e9},
      {"TB", 1e12}, {"KIB", 1024.}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"TIB", 1099511627776.}};
  for (const auto& [name, factor] : units) {
    // At most 2^62 bytes: "1e300GB" must be refused, not converted (undefined behaviour).
    if (end > 0 && number > 0 && unit == name && number * factor <= 0x1p62) {
      return static_cast<int64_t>(number * factor);
    }
  }
  throw CLI::ValidationError("--max-size", i18n::format(_("not a size: {0} (e.g. 100GB)"), text));
}

void print_summary(std::ostream& out, const pipeline::ImportResult& result) {
  const auto& survey = result.survey;
  const auto& s = result.summary;
  // ChatGPT's exports were the first and are said as before; any other provider is named.
  const std::string& source = survey.account.source;
  if (source != "chatgpt") {
    const std::string provider = viewer::assistant_name(source, viewer::Lang::en);
    const std::string& account =
        survey.account.email.empty() ? survey.account.id : survey.account.email;
    if (!account.empty()) {
      // TRANSLATORS: {1} is a service ("Claude"), {2} the layout in English ("classic").
      out << viewer::terminal_text(i18n::format(_("Imported {0} from {1} ({2} layout, {3})"),
                                                result.input_name, provider, survey.layout,
                                                account));
    } else {
      // TRANSLATORS: {1} is a service ("Claude"), {2} the layout in English ("classic").
      out << viewer::terminal_text(i18n::format(_("Imported {0} from {1} ({2} layout)"),
                                                result.input_name, provider, survey.layout));
    }
  } else if (!survey.account.email.empty()) {
    // TRANSLATORS: {1} names the export's layout in English, e.g. "classic".
    out << viewer::terminal_text(i18n::format(_("Imported {0} ({1} layout, {2})"),
                                              result.input_name, survey.layout,
                                              survey.account.email));
  } else if (!survey.account.id.empty()) {
    out << viewer::terminal_text(i18n::format(_("Imported {0} ({1} layout, account {2})"),
                                              result.input_name, survey.layout, survey.account.id));
  } else {
    out << viewer::terminal_text(
        i18n::format(_("Imported {0} ({1} layout)"), result.input_name, survey.layout));
  }
  out << "\n";
  out << i18n::format(_("  conversations:  {0} new, {1} updated, {2} unchanged, {3} skipped"),
                      s.conversations_new, s.conversations_updated, s.conversations_unchanged,
                      s.conversations_skipped);
  if (s.conversations_gone_upstream > 0) {
    out << i18n::format(_(", {0} gone upstream (kept)"), s.conversations_gone_upstream);
  }
  out << "\n";
  out << i18n::format(_("  messages:       {0} ({1} new, {2} updated)"), s.messages_total,
                      s.messages_new, s.messages_updated)
      << "\n";
  out << i18n::format(_("  attachments:    {0} stored, {1} unavailable (not in the export)"),
                      s.attachments_stored, s.attachments_unavailable)
      << "\n";
  out << i18n::format(_("  original files: {0} kept byte-exact ({1} new)"),
                      s.sources_new + s.sources_unchanged, s.sources_new)
      << "\n";
  if (s.memory_records_new > 0) {
    out << i18n::format(_("  memory records: {0} new (afterglow memories lists them)"),
                        s.memory_records_new)
        << "\n";
  }
  // The warnings and reasons themselves are the importer's words, as the JSON gives them.
  for (const auto& w : pipeline::import_warnings(result)) {
    out << i18n::format(_("  warning: {0}"), viewer::terminal_text(w)) << "\n";
  }
  for (const auto& skipped : s.skipped) {
    out << i18n::format(_("  skipped: {0}"), viewer::terminal_text(skipped)) << "\n";
  }
  // Conversations kept although they hold no message, each with which and why.
  for (const auto& empty : result.report.empty) {
    out << i18n::format(_("  empty: {0}"), viewer::terminal_text(empty)) << "\n";
  }
  if (!s.changed()) {
    out << _("Nothing changed: everything in this export was already archived.") << "\n";
  }
}

void import_one(const std::string& input, const Context& context, bool json,
                const importer::Limits& limits) {
  pipeline::ImportRequest request;
  request.input = utf8_path(input);
  request.archive = context.archive_path();
  request.limits = limits;
  ProgressBar bar(stderr_is_terminal() && !json);
  auto result =
      pipeline::run_import(request, [&bar](const pipeline::ImportProgress& p) { bar.update(p); });
  bar.clear();
  if (!result.index_note.empty()) {
    std::cerr << i18n::format(
                     _("afterglow: note: {0}; the new messages will be searchable once it is done"),
                     result.index_note)
              << "\n";
  }
  if (json) {
    std::cout << viewer::terminal_json(pipeline::import_summary_json(result)) << "\n";
  } else {
    print_summary(std::cout, result);
  }
}

// CLI::ExistingPath, reading the name as UTF-8: CLI11's own check reads it in the C library's
// locale, and on Windows would not find a folder named 我的导出.
CLI::Validator existing_path() {
  return CLI::Validator(
      [](std::string& name) {
        std::error_code ec;
        return std::filesystem::exists(utf8_path(name), ec) ? std::string()
                                                            : "Path does not exist: " + name;
      },
      "PATH(existing)");
}

}  // namespace

void add_import_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<ImportOptions>();
  auto* cmd = app.add_subcommand(
      "import",
      _("Import exports from ChatGPT, Claude, Gemini or Grok (zip, unzipped folder, or JSON or "
        "HTML file)"));
  cmd->add_option("PATH", options->inputs, _("Export zip, folder or JSON file"))
      ->required()
      ->check(existing_path());
  cmd->add_flag("--json", options->json, _("Print the summary as one JSON object per input"));
  cmd->add_option_function<std::string>(
         "--max-size",
         [options](const std::string& size) { options->limits.max_total_bytes = parse_size(size); },
         _("Refuse a zip that unpacks to more than this (default 64GB): a guard against "
           "decompression bombs"))
      ->type_name("SIZE");
  cmd->add_option("--max-ratio", options->limits.max_ratio,
                  _("Refuse a zip member that expands more than this many times its compressed "
                    "size (default 100), once past 64 MiB"))
      ->check(CLI::PositiveNumber);
  cmd->callback([options, &context] {
    for (const auto& input : options->inputs) {
      import_one(input, context, options->json, options->limits);
    }
  });
}

}  // namespace afterglow::cli
