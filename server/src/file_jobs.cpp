#include "file_jobs.h"

#include <thread>
#include <utility>

#include "afterglow/model/errors.h"
#include "afterglow/platform/platform.h"
#include "afterglow/text/media_types.h"
#include "job_support.h"

namespace afterglow::server {
namespace fs = std::filesystem;
namespace {

constexpr size_t kJobsKept = 3;  // finished jobs whose files wait to be downloaded

std::string utf8_name(const fs::path& file) {
  auto name = file.filename().u8string();
  return std::string(name.begin(), name.end());
}

}  // namespace

std::string text_option(const nlohmann::json& options, const char* name, std::string fallback) {
  auto it = options.find(name);
  if (it == options.end() || it->is_null()) return fallback;
  if (!it->is_string()) throw InputError(std::string(name) + ": must be a string");
  std::string value = *it;
  if (value.size() > 10'000) throw InputError(std::string(name) + ": too long");
  return value.empty() ? fallback : value;
}

struct FileJobs::Job {
  std::string id;
  std::string format;
  std::string route;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  pipeline::CancelFlag cancel;
  std::thread worker;
  fs::path folder;  // private temporary folder holding the file
  fs::path file;    // what is downloaded

  mutable std::mutex mutex;  // guards everything below
  std::string state = "running";
  Progress progress;
  nlohmann::json summary;
  nlohmann::json error;
  double elapsed_at_end = -1;

  nlohmann::json json() const {
    std::lock_guard lock(mutex);
    const double elapsed = elapsed_at_end >= 0 ? elapsed_at_end : seconds_since(started);
    nlohmann::json eta = nullptr;
    if (state == "running") {
      if (auto left = eta_seconds(progress.fraction, elapsed)) eta = *left;
    }
    const bool done = state == "done";
    return {{"id", id},
            {"state", state},
            {"phase", progress.phase},
            {"done", progress.done},
            {"total", progress.total},
            {"fraction", done ? 1.0 : progress.fraction},
            {"eta_seconds", eta},
            {"elapsed_seconds", elapsed},
            {"format", format},
            {"summary", summary},
            {"error", error},
            {"download", done ? nlohmann::json(route + "/" + id + "/download") : nullptr},
            {"filename", done ? nlohmann::json(utf8_name(file)) : nullptr}};
  }
};

FileJobs::FileJobs(fs::path archive, std::string temporary_prefix, std::string route,
                   std::string what)
    : archive_(std::move(archive)),
      temporary_prefix_(std::move(temporary_prefix)),
      route_(std::move(route)),
      what_(std::move(what)) {}

FileJobs::~FileJobs() {
  std::lock_guard lock(mutex_);
  for (auto& job : jobs_) {
    job->cancel.cancel();
    if (job->worker.joinable()) job->worker.join();
    std::error_code ignored;
    fs::remove_all(job->folder, ignored);
  }
}

void FileJobs::remove_leftovers() const { remove_leftover_folders(archive_, temporary_prefix_); }

std::string FileJobs::start(const std::string& format,
                            const std::function<Plan(const fs::path& folder)>& plan) {
  auto job = std::make_shared<Job>();
  job->id = new_job_id();
  job->format = format;
  job->route = route_;
  Work work;
  {
    std::lock_guard lock(mutex_);
    for (const auto& other : jobs_) {
      std::lock_guard other_lock(other->mutex);
      if (other->state == "running") {
        throw Error("another " + what_ + " is being made; wait for it to finish", ErrorCode::busy);
      }
    }
    job->folder = platform::make_private_temp_dir(temporary_prefix_, archive_folder(archive_));
    try {
      auto p = plan(job->folder);
      job->file = std::move(p.file);
      work = std::move(p.work);
    } catch (...) {
      std::error_code ignored;
      fs::remove_all(job->folder, ignored);
      throw;
    }
    jobs_.push_back(job);
    while (jobs_.size() > kJobsKept) {
      auto& oldest = jobs_.front();
      if (oldest->worker.joinable()) oldest->worker.join();
      std::error_code ignored;
      fs::remove_all(oldest->folder, ignored);
      jobs_.erase(jobs_.begin());
    }
  }
  job->worker = std::thread([job, work = std::move(work)] {
    try {
      auto report = [&job](const Progress& p) {
        std::lock_guard lock(job->mutex);
        job->progress = p;
      };
      auto summary = work(report, job->cancel);
      std::lock_guard lock(job->mutex);
      job->summary = std::move(summary);
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

std::shared_ptr<FileJobs::Job> FileJobs::find(const std::string& id) const {
  std::lock_guard lock(mutex_);
  return find_by_id(jobs_, id);
}

std::optional<nlohmann::json> FileJobs::status(const std::string& id) const {
  auto job = find(id);
  if (!job) return std::nullopt;
  return job->json();
}

std::optional<FileJobs::Download> FileJobs::download(const std::string& id) const {
  auto job = find(id);
  if (!job) return std::nullopt;
  std::lock_guard lock(job->mutex);
  if (job->state != "done") return std::nullopt;
  std::string type = text::mime_from_name(job->file.filename().string());
  if (type.empty()) type = "application/octet-stream";
  if (type == "text/html") type = "text/html; charset=utf-8";
  return Download{job->file, utf8_name(job->file), type};
}

bool FileJobs::cancel(const std::string& id) {
  auto job = find(id);
  if (!job) return false;
  std::lock_guard lock(job->mutex);
  if (job->state != "running") return false;
  job->cancel.cancel();
  return true;
}

}  // namespace afterglow::server
