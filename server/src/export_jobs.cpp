#include "export_jobs.h"

#include "afterglow/model/errors.h"
#include "afterglow/pipeline/book_job.h"

namespace afterglow::server {
namespace fs = std::filesystem;
namespace {

double fraction_of(const pipeline::ExportProgress& p) {
  switch (p.phase) {
    case pipeline::ExportPhase::selecting:
      return 0;
    case pipeline::ExportPhase::writing:
      return p.total ? 0.9 * static_cast<double>(p.done) / static_cast<double>(p.total) : 0;
    case pipeline::ExportPhase::finished:
      break;
  }
  return 0.9;  // the zip of the folder is still to be made
}

}  // namespace

pipeline::ExportRequest export_request_from_json(const nlohmann::json& options) {
  if (!options.is_object()) throw InputError("the export's options must be a JSON object");
  pipeline::ExportRequest r;
  const auto name = text_option(options, "format", "markdown");
  const auto format = exporter::format_from_string(name);
  if (!format) {
    throw InputError("format " + name + ": use one of " + exporter::format_names());
  }
  r.format = *format;
  r.query = text_option(options, "query");
  r.lang = text_option(options, "lang");
  if (!r.lang.empty() && r.lang != "zh" && r.lang != "en") {
    throw InputError("lang " + r.lang + ": use zh or en");
  }
  if (auto it = options.find("budget"); it != options.end() && !it->is_null()) {
    if (!it->is_number_unsigned()) throw InputError("budget: must be a whole number");
    r.budget = it->get<size_t>();
  }
  return r;
}

std::string start_export(FileJobs& exports, const nlohmann::json& options) {
  auto request = export_request_from_json(options);
  const std::string format = exporter::to_string(request.format);
  return exports.start(format, [&](const fs::path& folder) {
    const bool one_file = exporter::writes_one_file(request.format);
    request.out = folder / ("afterglow-" + format);
    if (one_file) request.out += "." + format;
    pipeline::check_export_request(request);
    FileJobs::Plan plan;
    plan.file = one_file ? request.out : folder / ("afterglow-" + format + ".zip");
    plan.work = [request, archive = exports.archive(), zip = plan.file, one_file](
                    const FileJobs::Report& report, const pipeline::CancelFlag& cancel) {
      auto progress = [&report](const pipeline::ExportProgress& p) {
        report({pipeline::to_string(p.phase), p.done, p.total, fraction_of(p)});
      };
      auto result = pipeline::run_export(archive, request, progress, &cancel);
      if (!one_file) {
        report({"packing", 0, 0, 0.9});
        pipeline::zip_folder(request.out, zip);
        std::error_code ignored;
        fs::remove_all(request.out, ignored);
      }
      report({"finished", 0, 0, 1});
      const auto& c = result.counts;
      return nlohmann::json{{"conversations", c.conversations},
                            {"messages", c.messages},
                            {"attachments_copied", c.attachments_copied},
                            {"attachments_unavailable", c.attachments_unavailable},
                            {"files", c.files}};
    };
    return plan;
  });
}

}  // namespace afterglow::server
