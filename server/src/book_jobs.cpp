#include "book_jobs.h"

#include <utility>

#include "afterglow/model/errors.h"
#include "afterglow/model/file_names.h"
#include "afterglow/platform/platform.h"

namespace afterglow::server {
namespace fs = std::filesystem;
namespace {

// A name for the download from the book's title: what a person sees in their Downloads folder.
std::string download_name(const std::string& title, const std::string& extension) {
  return model::safe_file_name((title.empty() ? std::string("afterglow-book") : title) + extension);
}

// How far the whole job is: writing the pages is most of it.
double fraction_of(const pipeline::BookProgress& p) {
  switch (p.phase) {
    case pipeline::BookPhase::selecting:
      return 0;
    case pipeline::BookPhase::writing:
      return p.total ? 0.9 * static_cast<double>(p.done) / static_cast<double>(p.total) : 0;
    case pipeline::BookPhase::printing:
    case pipeline::BookPhase::packing:
      return 0.9;
    case pipeline::BookPhase::finished:
      break;
  }
  return 1;
}

}  // namespace

pipeline::BookRequest book_request_from_json(const nlohmann::json& options, std::string& format) {
  if (!options.is_object()) throw InputError("the book's options must be a JSON object");
  pipeline::BookRequest r;
  r.title = text_option(options, "title");
  r.subtitle = text_option(options, "subtitle");
  r.dedication = text_option(options, "dedication");
  r.author = text_option(options, "author");
  r.query = text_option(options, "query");
  r.from = text_option(options, "from");
  r.to = text_option(options, "to");
  r.lang = text_option(options, "lang");
  r.theme = text_option(options, "theme", "auto");
  r.paper = text_option(options, "paper", "a5");
  for (auto [name, flag] : {std::pair{"include_hidden", &r.include_hidden},
                            std::pair{"include_resting", &r.include_resting},
                            std::pair{"include_memories", &r.include_memories}}) {
    if (auto it = options.find(name); it != options.end() && it->is_boolean()) *flag = *it;
  }
  format = text_option(options, "format", "single-file");
  if (format != "single-file" && format != "folder" && format != "pdf") {
    throw InputError("format " + format + ": use single-file, folder or pdf");
  }
  r.refuse_empty = true;  // an empty book from a page is a mistake in the selection
  return r;
}

std::string start_book(FileJobs& books, const nlohmann::json& options) {
  std::string format;
  auto request = book_request_from_json(options, format);
  if (format == "pdf" && !platform::find_chromium()) {
    pipeline::BookRequest check = request;
    check.pdf = "book.pdf";
    pipeline::check_book_request(check);  // throws the no_pdf_printer error
  }
  return books.start(format, [&](const fs::path& folder) {
    FileJobs::Plan plan;
    if (format == "single-file") {
      plan.file = folder / fs::u8path(download_name(request.title, ".html"));
      request.single_file = plan.file;
    } else if (format == "pdf") {
      plan.file = folder / fs::u8path(download_name(request.title, ".pdf"));
      request.pdf = plan.file;
    } else {
      plan.file = folder / fs::u8path(download_name(request.title, ".zip"));
      request.out_dir = folder / "book";
    }
    plan.work = [request, archive = books.archive(), zip = plan.file](
                    const FileJobs::Report& report, const pipeline::CancelFlag& cancel) {
      auto progress = [&report](const pipeline::BookProgress& p) {
        report({pipeline::to_string(p.phase), p.done, p.total, fraction_of(p)});
      };
      auto result = pipeline::make_book(archive, request, progress, &cancel);
      if (!request.out_dir.empty()) {
        progress({pipeline::BookPhase::packing, 0, 0});
        pipeline::zip_folder(request.out_dir, zip);
        std::error_code ignored;
        fs::remove_all(request.out_dir, ignored);
        progress({pipeline::BookPhase::finished, 0, 0});
      }
      const auto& book = result.outputs.front().report;
      return nlohmann::json{{"conversations", book.conversations},
                            {"messages", book.messages},
                            {"words", book.words},
                            {"attachments_included", book.attachments_included},
                            {"attachments_unavailable", book.attachments_unavailable}};
    };
    return plan;
  });
}

}  // namespace afterglow::server
