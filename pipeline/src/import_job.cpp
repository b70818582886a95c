#include "afterglow/pipeline/import_job.h"

#include <mutex>

#include "afterglow/indexer/index.h"
#include "afterglow/indexer/search.h"
#include "counting_sink.h"

namespace afterglow::pipeline {
namespace fs = std::filesystem;
namespace {

// A first import that fails leaves no archive behind: the file and SQLite's companions.
void remove_archive_files(const fs::path& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::error_code ignored;
    fs::remove(path.string() + suffix, ignored);
  }
}

}  // namespace

const char* to_string(ImportPhase phase) {
  switch (phase) {
    case ImportPhase::reading:
      return "reading";
    case ImportPhase::storing:
      return "storing";
    case ImportPhase::indexing:
      return "indexing";
    case ImportPhase::finished:
      break;
  }
  return "finished";
}

ImportResult run_import(const ImportRequest& request, const ImportProgressFn& progress,
                        const CancelFlag* cancel) {
  ImportProgress state;
  auto report = [&] {
    if (progress) progress(state);
  };
  auto check_cancel = [cancel] {
    if (cancel) cancel->check();
  };
  report();

  ImportResult result;
  result.archive = request.archive;
  result.survey = importer::survey(request.input, request.limits);
  result.input_name = request.input_name.empty() ? result.survey.input_path : request.input_name;
  check_cancel();

  const fs::path& path = request.archive;
  const bool existed = fs::exists(path);
  try {
    if (!existed && path.has_parent_path()) fs::create_directories(path.parent_path());
    if (!existed) indexer::forget_xapian_index(path);
    auto archive = store::Archive::open(path, store::Archive::Mode::read_write);
    {
      auto import = archive->begin_import(AFTERGLOW_VERSION);
      state.phase = ImportPhase::storing;
      state.total_bytes = result.survey.total_bytes;
      report();
      CountingSink counting(*import, [&](int64_t conversations, int64_t messages) {
        state.conversations = conversations;
        state.messages = messages;
      });
      importer::Options options;
      options.limits = request.limits;
      options.progress = [&](const importer::Progress& p) {
        check_cancel();  // thrown through the importer: the transaction is rolled back
        state.bytes = p.bytes_done;
        if (p.bytes_total > 0) state.total_bytes = p.bytes_total;
        report();
      };
      result.report = importer::import(result.survey, counting, options);
      check_cancel();  // the last moment at which nothing is kept
      result.summary = import->commit();
    }
    // The archive is committed; the indexes are derived from it and catch up on what changed.
    state.phase = ImportPhase::indexing;
    report();
    try {
      int64_t xapian_done = 0, fts5_done = 0, xapian_total = 0, fts5_total = 0;
      indexer::update_indexes(*archive, [&](const indexer::IndexProgress& p) {
        auto& done = p.engine == indexer::Engine::xapian ? xapian_done : fts5_done;
        auto& total = p.engine == indexer::Engine::xapian ? xapian_total : fts5_total;
        done = p.done;
        total = p.total;
        state.indexed = xapian_done + fts5_done;
        state.index_total = xapian_total + fts5_total;
        report();
      });
    } catch (const indexer::IndexBusy& e) {
      // A search in another process is updating the index and will take this import in, or
      // the next search will: the import itself is complete.
      result.index_note = e.what();
    }
    archive->checkpoint();
  } catch (...) {
    if (!existed) remove_archive_files(path);
    throw;
  }
  state.phase = ImportPhase::finished;
  report();
  return result;
}

std::vector<std::string> import_warnings(const ImportResult& result) {
  std::vector<std::string> all = result.survey.warnings;
  all.insert(all.end(), result.report.warnings.begin(), result.report.warnings.end());
  return all;
}

nlohmann::json import_summary_json(const ImportResult& result) {
  const auto& s = result.summary;
  return {{"input", result.input_name},
          {"source", result.survey.account.source},
          {"layout", result.survey.layout},
          {"account", result.survey.account.id},
          {"archive", result.archive.string()},
          {"changed", s.changed()},
          {"conversations",
           {{"new", s.conversations_new},
            {"updated", s.conversations_updated},
            {"unchanged", s.conversations_unchanged},
            {"skipped", s.conversations_skipped},
            {"empty", result.report.empty.size()},
            {"gone_upstream", s.conversations_gone_upstream}}},
          {"messages",
           {{"total", s.messages_total}, {"new", s.messages_new}, {"updated", s.messages_updated}}},
          {"attachments",
           {{"total", s.attachments_total},
            {"stored", s.attachments_stored},
            {"unavailable", s.attachments_unavailable}}},
          {"sources", {{"new", s.sources_new}, {"unchanged", s.sources_unchanged}}},
          {"memory_records", {{"new", s.memory_records_new}}},
          {"projects", {{"new", s.projects_new}}},
          {"bytes_stored", s.bytes_stored},
          {"skipped", s.skipped},
          {"empty", result.report.empty},
          {"warnings", import_warnings(result)}};
}

}  // namespace afterglow::pipeline
