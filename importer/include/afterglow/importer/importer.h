// Reads a ChatGPT data export (a zip, an unzipped folder, or a bare conversations JSON file) and
// feeds it to an ImportSink. Never writes to disk itself and never prints.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "afterglow/model/import_sink.h"

namespace afterglow::importer {

struct Progress {
  int64_t bytes_done = 0;   // uncompressed bytes of export files read so far
  int64_t bytes_total = 0;  // from the survey; 0 when unknown
  int64_t conversations = 0;
  std::string file;  // the export file being read
};

struct Options {
  std::function<void(const Progress&)> progress;  // called often; keep it cheap
};

struct Report {
  int64_t files = 0;
  int64_t conversations = 0;  // parsed and handed to the sink
  int64_t broken = 0;         // handed to the sink as broken
  int64_t attachments = 0;    // attachment references seen in messages
};

// Reads just enough of the input to know its layout, its account and its files, and to refuse
// bad input before anything is written. Throws InputError("<file>: <problem>").
model::Survey survey(const std::filesystem::path& input);

// Streams every file of the input through the sink (originals, conversations, then attachment
// resolution). Throws InputError for input that turns out to be unreadable midway; the caller
// then discards the sink's work.
Report import(const model::Survey& survey, model::ImportSink& sink, const Options& options = {});

}  // namespace afterglow::importer
