// Exporting to an open format, as `afterglow export --format` does it: choose the conversations
// (the search language, or a conversation id), write them with the format's writer into a
// temporary folder beside the destination, and rename it into place at the end, so that a failed,
// cancelled or killed export leaves nothing behind and never a half-written destination.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "afterglow/exporter/writer.h"
#include "afterglow/pipeline/cancel.h"

namespace afterglow::pipeline {

struct ExportRequest {
  exporter::Format format = exporter::Format::markdown;
  // The search language (`model:gpt-4o after:2024`), a conversation id or a unique prefix of
  // one; empty: everything.
  std::string query;
  // The folder to make (a file for jsonl). It must not exist yet, or be an empty folder.
  std::filesystem::path out;
  std::string lang;   // "zh", "en" or "" (each conversation's main language)
  size_t budget = 0;  // packet: its size in characters; 0: the default
};

// Below this a packet could not hold one exchange.
inline constexpr size_t kMinimumPacketBudget = 1'000;

enum class ExportPhase { selecting, writing, finished };
const char* to_string(ExportPhase phase);

struct ExportProgress {
  ExportPhase phase = ExportPhase::selecting;
  size_t done = 0;  // conversations written
  size_t total = 0;
};
using ExportProgressFn = std::function<void(const ExportProgress&)>;

struct ExportResult {
  std::filesystem::path out;
  exporter::Format format = exporter::Format::markdown;
  exporter::ExportCounts counts;
};

// Checks a request before the archive is opened: InputError (exit status 2 in the CLI) for a
// missing or existing destination, or one whose folder does not exist.
void check_export_request(const ExportRequest& request);

// Throws InputError, QueryError, Error (nothing_selected for an empty selection), ArchiveError,
// Cancelled; in every case the destination is as it was.
ExportResult run_export(const std::filesystem::path& archive, const ExportRequest& request,
                        const ExportProgressFn& progress = {}, const CancelFlag* cancel = nullptr);

}  // namespace afterglow::pipeline
