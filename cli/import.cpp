// afterglow import PATH...: read exports into the archive, then print what changed.
#include <cctype>
#include <iostream>
#include <nlohmann/json.hpp>

#include "afterglow/importer/importer.h"
#include "afterglow/indexer/index.h"
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
    if (end > 0 && number > 0 && unit == name) return static_cast<int64_t>(number * factor);
  }
  throw CLI::ValidationError("--max-size", "not a size: " + text + " (e.g. 100GB)");
}

// What the survey and the import noticed without stopping: shown, never silent.
std::vector<std::string> warnings_of(const model::Survey& survey, const importer::Report& report) {
  std::vector<std::string> all = survey.warnings;
  all.insert(all.end(), report.warnings.begin(), report.warnings.end());
  return all;
}

nlohmann::json summary_json(const model::Survey& survey, const importer::Report& report,
                            const store::ImportSummary& s, const std::filesystem::path& archive) {
  return {{"input", survey.input_path},
          {"layout", survey.layout},
          {"account", survey.account.id},
          {"archive", archive.string()},
          {"changed", s.changed()},
          {"conversations",
           {{"new", s.conversations_new},
            {"updated", s.conversations_updated},
            {"unchanged", s.conversations_unchanged},
            {"skipped", s.conversations_skipped},
            {"gone_upstream", s.conversations_gone_upstream}}},
          {"messages",
           {{"total", s.messages_total}, {"new", s.messages_new}, {"updated", s.messages_updated}}},
          {"attachments",
           {{"total", s.attachments_total},
            {"stored", s.attachments_stored},
            {"unavailable", s.attachments_unavailable}}},
          {"sources", {{"new", s.sources_new}, {"unchanged", s.sources_unchanged}}},
          {"bytes_stored", s.bytes_stored},
          {"skipped", s.skipped},
          {"warnings", warnings_of(survey, report)}};
}

void print_summary(std::ostream& out, const model::Survey& survey, const importer::Report& report,
                   const store::ImportSummary& s) {
  out << "Imported " << survey.input_path << " (" << survey.layout << " layout";
  if (!survey.account.email.empty()) {
    out << ", " << survey.account.email;
  } else if (!survey.account.id.empty()) {
    out << ", account " << survey.account.id;
  }
  out << ")\n";
  out << "  conversations:  " << s.conversations_new << " new, " << s.conversations_updated
      << " updated, " << s.conversations_unchanged << " unchanged, " << s.conversations_skipped
      << " skipped";
  if (s.conversations_gone_upstream > 0) {
    out << ", " << s.conversations_gone_upstream << " gone upstream (kept)";
  }
  out << "\n";
  out << "  messages:       " << s.messages_total << " (" << s.messages_new << " new, "
      << s.messages_updated << " updated)\n";
  out << "  attachments:    " << s.attachments_stored << " stored, " << s.attachments_unavailable
      << " unavailable (not in the export)\n";
  out << "  original files: " << s.sources_new + s.sources_unchanged << " kept byte-exact ("
      << s.sources_new << " new)\n";
  for (const auto& w : warnings_of(survey, report)) out << "  warning: " << w << "\n";
  for (const auto& skipped : s.skipped) out << "  skipped: " << skipped << "\n";
  if (!s.changed()) out << "Nothing changed: everything in this export was already archived.\n";
}

// Imports one export. On any error the import's transaction is rolled back; an archive file
// that this very call created is removed again, so a failed first import leaves nothing behind.
void import_one(const std::string& input, const Context& context, bool json,
                const importer::Limits& limits) {
  model::Survey survey = importer::survey(input, limits);
  auto path = context.archive_path();
  const bool existed = std::filesystem::exists(path);
  try {
    if (!existed && path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    if (!existed) indexer::forget_xapian_index(path);
    auto archive = store::Archive::open(path, store::Archive::Mode::read_write);
    store::ImportSummary summary;
    importer::Report report;
    {
      auto import = archive->begin_import(AFTERGLOW_VERSION);
      ProgressBar bar(stderr_is_terminal() && !json);
      importer::Options options;
      options.limits = limits;
      options.progress = [&bar](const importer::Progress& p) { bar.update(p); };
      report = importer::import(survey, *import, options);
      bar.clear();
      summary = import->commit();
    }
    // The archive is committed; the indexes are derived from it and catch up on what changed.
    try {
      update_search_indexes(*archive, stderr_is_terminal() && !json);
    } catch (const indexer::IndexBusy& e) {
      // A search in another process is updating the index and will take this import in, or
      // the next search will: the import itself is complete.
      std::cerr << "afterglow: note: " << e.what()
                << "; the new messages will be searchable once it is done\n";
      archive->checkpoint();
    }
    if (json) {
      std::cout << summary_json(survey, report, summary, path).dump() << "\n";
    } else {
      print_summary(std::cout, survey, report, summary);
    }
  } catch (...) {
    if (!existed) {
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::error_code ignored;
        std::filesystem::remove(path.string() + suffix, ignored);
      }
    }
    throw;
  }
}

}  // namespace

void add_import_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<ImportOptions>();
  auto* cmd = app.add_subcommand(
      "import", "Import ChatGPT exports (zip, unzipped folder, or conversations JSON)");
  cmd->add_option("PATH", options->inputs, "Export zip, folder or JSON file")
      ->required()
      ->check(CLI::ExistingPath);
  cmd->add_flag("--json", options->json, "Print the summary as one JSON object per input");
  cmd->add_option_function<std::string>(
         "--max-size",
         [options](const std::string& size) { options->limits.max_total_bytes = parse_size(size); },
         "Refuse a zip that unpacks to more than this (default 64GB): a guard against "
         "decompression bombs")
      ->type_name("SIZE");
  cmd->add_option("--max-ratio", options->limits.max_ratio,
                  "Refuse a zip member that expands more than this many times its compressed "
                  "size (default 100), once past 64 MiB")
      ->check(CLI::PositiveNumber);
  cmd->callback([options, &context] {
    for (const auto& input : options->inputs) {
      import_one(input, context, options->json, options->limits);
    }
  });
}

}  // namespace afterglow::cli
