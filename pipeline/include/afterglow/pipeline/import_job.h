// Importing one export into an archive, as `afterglow import` and the app both do it: survey
// (refuse bad input before anything is written), store it in one transaction, then bring the
// search indexes up to date.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "afterglow/importer/importer.h"
#include "afterglow/pipeline/cancel.h"
#include "afterglow/store/archive.h"

namespace afterglow::pipeline {

enum class ImportPhase { reading, storing, indexing, finished };
const char* to_string(ImportPhase phase);  // "reading", "storing", "indexing", "finished"

struct ImportProgress {
  ImportPhase phase = ImportPhase::reading;
  int64_t bytes = 0;        // uncompressed export bytes read so far
  int64_t total_bytes = 0;  // from the survey (0 while reading it)
  int64_t conversations = 0;
  int64_t messages = 0;
  int64_t indexed = 0;  // messages indexed, both engines together
  int64_t index_total = 0;
};
using ImportProgressFn = std::function<void(const ImportProgress&)>;

struct ImportRequest {
  std::filesystem::path input;    // a zip, an unzipped folder or a conversations JSON file
  std::filesystem::path archive;  // created (with its folder) when missing
  importer::Limits limits;
  // Shown to a person instead of the input's path (an upload's original file name).
  std::string input_name;
};

struct ImportResult {
  std::string input_name;  // the request's input_name, else the input's path
  model::Survey survey;
  importer::Report report;
  store::ImportSummary summary;
  std::filesystem::path archive;
  // The indexes could not be brought up to date because another process holds them; the import
  // itself is complete and the next search catches up. Empty when all went well.
  std::string index_note;
};

// Runs the whole import. Progress is reported from the calling thread (and, while indexing,
// from the indexer's thread, never two at once). `cancel` is honoured until the import is
// committed: then Cancelled is thrown and the archive is as it was. An archive file this call
// created is removed again on any failure. Throws InputError, ArchiveError, Cancelled.
ImportResult run_import(const ImportRequest& request, const ImportProgressFn& progress = {},
                        const CancelFlag* cancel = nullptr);

// What `afterglow import --json` prints and the app's API returns: the same object, in English,
// whatever the language of the person.
nlohmann::json import_summary_json(const ImportResult& result);

// Every problem noticed without stopping: the survey's and the import's.
std::vector<std::string> import_warnings(const ImportResult& result);

}  // namespace afterglow::pipeline
