// The app's exports: the open formats of `afterglow export --format`, made from the options of
// POST /api/exports by the same pipeline, as a job of FileJobs, and downloaded as the file (one-
// file formats) or a zip of the folder.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "afterglow/pipeline/export_job.h"
#include "file_jobs.h"

namespace afterglow::server {

inline constexpr std::string_view kExportTemporaryPrefix = ".afterglow-download-";

// The request a JSON object of options asks for ({"format", "query", "lang", "budget"}), without
// the destination. Throws InputError for a field of the wrong type or an unknown format.
pipeline::ExportRequest export_request_from_json(const nlohmann::json& options);

// Starts the export `options` ask for; its id. Throws InputError for a bad option, Error (busy)
// while another export runs.
std::string start_export(FileJobs& exports, const nlohmann::json& options);

}  // namespace afterglow::server
