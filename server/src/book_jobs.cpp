#include "book_jobs.h"

#include <thread>
#include <utility>

#include "afterglow/model/errors.h"
#include "afterglow/model/file_names.h"
#include "afterglow/platform/platform.h"
#include "afterglow/text/media_types.h"
#include "job_support.h"

namespace afterglow::server {
namespace fs = std::filesystem;
namespace {

constexpr size_t kBooksKept = 3;  // finished books whose files wait to be downloaded

std::string text_field(const nlohmann::json& options, const char* name, std::string fallback = {}) {
  auto it = options.find(name);
  if (it == options.end() || it->is_null()) return fallback;
  if (!it->is_string()) throw InputError(std::string(name) + ": must be a string");
  std::string value = *it;
  if (value.size() > 10'000) throw InputError(std::string(name) + ": too long");
  return value.empty() ? fallback : value;
}

// A name for the download from the book's title: what a person sees in their Downloads folder.
std::string download_name(const std::string& title, const std::string& extension) {
  return model::safe_file_name((title.empty() ? std::string("afterglow-book") : title) + extension);
}

std::string utf8_name(const fs::path& file) {
  auto name = file.filename().u8string();
  return std::string(name.begin(), name.end());
}

}  // namespace

pipeline::BookRequest book_request_from_json(const nlohmann::json& options, std::string& format) {
  if (!options.is_object()) throw InputError("the book's options must be a JSON object");
  pipeline::BookRequest r;
  r.title = text_field(options, "title");
  r.subtitle = text_field(options, "subtitle");
  r.dedication = text_field(options, "dedication");
  r.author = text_field(options, "author");
  r.query = text_field(options, "query");
  r.from = text_field(options, "from");
  r.to = text_field(options, "to");
  r.lang = text_field(options, "lang");
  r.theme = text_field(options, "theme", "auto");
  r.paper = text_field(options, "paper", "a5");
  for (auto [name, flag] : {std::pair{"include_hidden", &r.include_hidden},
                            std::pair{"include_resting", &r.include_resting},
                            std::pair{"include_memories", &r.include_memories}}) {
    if (auto it = options.find(name); it != options.end() && it->is_boolean()) *flag = *it;
  }
  format = text_field(options, "format", "single-file");
  if (format != "single-file" && format != "folder" && format != "pdf") {
    throw InputError("format " + format + ": use single-file, folder or pdf");
  }
  r.refuse_empty = true;  // an empty book from a page is a mistake in the selection
  return r;
}

struct BookJobs::Job {
  std::string id;
  std::string format;
  std::string title;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  pipeline::CancelFlag cancel;
  std::thread worker;
  fs::path folder;  // private temporary folder holding the book
  fs::path file;    // what is downloaded

  mutable std::mutex mutex;  // guards everything below
  std::string state = "running";
  pipeline::BookProgress progress;
  nlohmann::json summary;
  nlohmann::json error;
  double elapsed_at_end = -1;

  nlohmann::json json() const {
    std::lock_guard lock(mutex);
    double fraction = 0;
    switch (progress.phase) {
      case pipeline::BookPhase::selecting:
        break;
      case pipeline::BookPhase::writing:
        fraction = progress.total ? 0.9 * static_cast<double>(progress.done) /
                                        static_cast<double>(progress.total)
                                  : 0;
        break;
      case pipeline::BookPhase::printing:
      case pipeline::BookPhase::packing:
        fraction = 0.9;
        break;
      case pipeline::BookPhase::finished:
        fraction = 1;
    }
    const double elapsed = elapsed_at_end >= 0 ? elapsed_at_end : seconds_since(started);
    nlohmann::json eta = nullptr;
    if (state == "running") {
      if (auto left = eta_seconds(fraction, elapsed)) eta = *left;
    }
    const bool done = state == "done";
    return {{"id", id},
            {"state", state},
            {"phase", pipeline::to_string(progress.phase)},
            {"done", progress.done},
            {"total", progress.total},
            {"fraction", done ? 1.0 : fraction},
            {"eta_seconds", eta},
            {"elapsed_seconds", elapsed},
            {"format", format},
            {"summary", summary},
            {"error", error},
            {"download", done ? nlohmann::json("/api/books/" + id + "/download") : nullptr},
            {"filename", done ? nlohmann::json(utf8_name(file)) : nullptr}};
  }
};

BookJobs::BookJobs(fs::path archive) : archive_(std::move(archive)) {}

BookJobs::~BookJobs() {
  std::lock_guard lock(mutex_);
  for (auto& job : jobs_) {
    job->cancel.cancel();
    if (job->worker.joinable()) job->worker.join();
    std::error_code ignored;
    fs::remove_all(job->folder, ignored);
  }
}

void BookJobs::remove_leftovers() const { remove_leftover_folders(archive_, kTemporaryPrefix); }

std::string BookJobs::start(const nlohmann::json& options) {
  std::string format;
  auto request = book_request_from_json(options, format);
  if (format == "pdf" && !platform::find_chromium()) {
    pipeline::BookRequest check = request;
    check.pdf = "book.pdf";
    pipeline::check_book_request(check);  // throws the no_pdf_printer error
  }
  auto job = std::make_shared<Job>();
  job->id = new_job_id();
  job->format = format;
  job->title = request.title;
  {
    std::lock_guard lock(mutex_);
    for (const auto& other : jobs_) {
      std::lock_guard other_lock(other->mutex);
      if (other->state == "running") {
        throw Error("another book is being made; wait for it to finish", ErrorCode::busy);
      }
    }
    const fs::path parent = archive_folder(archive_);
    job->folder = platform::make_private_temp_dir(std::string(kTemporaryPrefix), parent);
    if (format == "single-file") {
      job->file = job->folder / fs::u8path(download_name(request.title, ".html"));
      request.single_file = job->file;
    } else if (format == "pdf") {
      job->file = job->folder / fs::u8path(download_name(request.title, ".pdf"));
      request.pdf = job->file;
    } else {
      job->file = job->folder / fs::u8path(download_name(request.title, ".zip"));
      request.out_dir = job->folder / "book";
    }
    jobs_.push_back(job);
    while (jobs_.size() > kBooksKept) {
      auto& oldest = jobs_.front();
      if (oldest->worker.joinable()) oldest->worker.join();
      std::error_code ignored;
      fs::remove_all(oldest->folder, ignored);
      jobs_.erase(jobs_.begin());
    }
  }
  job->worker = std::thread([this, job, request] {
    try {
      auto progress = [&job](const pipeline::BookProgress& p) {
        std::lock_guard lock(job->mutex);
        job->progress = p;
      };
      auto result = pipeline::make_book(archive_, request, progress, &job->cancel);
      if (job->format == "folder") {
        progress({pipeline::BookPhase::packing, 0, 0});
        pipeline::zip_folder(request.out_dir, job->file);
        std::error_code ignored;
        fs::remove_all(request.out_dir, ignored);
        progress({pipeline::BookPhase::finished, 0, 0});
      }
      const auto& book = result.outputs.front().report;
      std::lock_guard lock(job->mutex);
      job->summary = {{"conversations", book.conversations},
                      {"messages", book.messages},
                      {"words", book.words},
                      {"attachments_included", book.attachments_included},
                      {"attachments_unavailable", book.attachments_unavailable}};
      job->state = "done";
      job->elapsed_at_end = seconds_since(job->started);
    } catch (...) {
      auto why = error_json(std::current_exception());
      std::error_code ignored;
      fs::remove_all(job->folder, ignored);  // nothing half-written is left to download
      std::lock_guard lock(job->mutex);
      job->state = why["code"] == "cancelled" ? "cancelled" : "failed";
      job->error = std::move(why);
      job->elapsed_at_end = seconds_since(job->started);
    }
  });
  return job->id;
}

std::shared_ptr<BookJobs::Job> BookJobs::find(const std::string& id) const {
  std::lock_guard lock(mutex_);
  return find_by_id(jobs_, id);
}

std::optional<nlohmann::json> BookJobs::status(const std::string& id) const {
  auto job = find(id);
  if (!job) return std::nullopt;
  return job->json();
}

std::optional<BookJobs::Download> BookJobs::download(const std::string& id) const {
  auto job = find(id);
  if (!job) return std::nullopt;
  std::lock_guard lock(job->mutex);
  if (job->state != "done") return std::nullopt;
  std::string type = text::mime_from_name(job->file.filename().string());
  if (type.empty() || type == "text/html") type = "text/html; charset=utf-8";
  return Download{job->file, utf8_name(job->file), type};
}

bool BookJobs::cancel(const std::string& id) {
  auto job = find(id);
  if (!job) return false;
  std::lock_guard lock(job->mutex);
  if (job->state != "running") return false;
  job->cancel.cancel();
  return true;
}

}  // namespace afterglow::server
