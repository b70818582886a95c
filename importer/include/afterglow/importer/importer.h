// Reads a ChatGPT data export (a zip, an unzipped folder, or a bare conversations JSON file) and
// feeds it to an ImportSink. Never writes to disk itself and never prints.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "afterglow/model/import_sink.h"

namespace afterglow::importer {

struct Progress {
  int64_t bytes_done = 0;   // uncompressed bytes of export files read so far
  int64_t bytes_total = 0;  // from the survey; 0 when unknown
  int64_t conversations = 0;
  std::string file;  // the export file being read
};

// Guards against decompression bombs, counted on the bytes a zip actually yields (the sizes its
// headers declare can lie). A real export stays far below both; going past one is an InputError
// that names the limit.
struct Limits {
  int64_t max_total_bytes = int64_t{64} << 30;  // uncompressed bytes of all zip members together
  double max_ratio = 100;  // uncompressed / compressed bytes of one member, past kRatioGraceBytes
};
// Any member may yield this much whatever its ratio: small files compress wildly at times.
inline constexpr int64_t kRatioGraceBytes = int64_t{64} << 20;

struct Options {
  std::function<void(const Progress&)> progress;  // called often; keep it cheap
  Limits limits;
};

struct Report {
  int64_t files = 0;
  int64_t conversations = 0;  // parsed and handed to the sink
  int64_t broken = 0;         // handed to the sink as broken
  int64_t attachments = 0;    // attachment references seen in messages
  // Problems that did not stop the import, one line each (e.g. text repaired from bad UTF-8).
  std::vector<std::string> warnings;
  // Conversations kept with no messages at all, "file#index id: reason", one line each.
  std::vector<std::string> empty;
};

// Reads just enough of the input to know its layout, its account and its files, and to refuse
// bad input before anything is written. Throws InputError("<file>: <problem>"). Zip entries that
// cannot be kept safely (names leaving the export, links) are skipped and named in the warnings.
model::Survey survey(const std::filesystem::path& input, const Limits& limits = {});

// Streams every file of the input through the sink (originals, conversations, then attachment
// resolution). Throws InputError for input that turns out to be unreadable midway; the caller
// then discards the sink's work.
Report import(const model::Survey& survey, model::ImportSink& sink, const Options& options = {});

}  // namespace afterglow::importer
