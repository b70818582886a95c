#include "import_jobs.h"

#include <cerrno>

#include "afterglow/model/errors.h"
#include "afterglow/model/file_names.h"
#include "afterglow/platform/platform.h"
#include "job_support.h"

namespace afterglow::server {
namespace fs = std::filesystem;
namespace {

constexpr size_t kJobsKept = 8;
// Room left on the disk beyond the upload itself: the import then needs about as much again
// for the archive, and a full disk mid-import helps no one.
constexpr int64_t kSpareBytes = int64_t{64} << 20;

// How far along an import is, 0 to 1, for one bar: an upload is the first quarter, storing the
// next half, indexing the rest (the phases take roughly that share of the time).
double overall_fraction(bool uploaded, const std::string& phase, int64_t upload_done,
                        int64_t upload_total, const pipeline::ImportProgress& p) {
  auto part = [](int64_t done, int64_t total) {
    return total > 0 ? std::min(1.0, static_cast<double>(done) / static_cast<double>(total)) : 0.0;
  };
  const double upload_share = uploaded ? 0.25 : 0.0;
  const double store_share = uploaded ? 0.5 : 0.65;
  if (phase == "upload") return upload_share * part(upload_done, upload_total);
  if (phase == "reading") return upload_share;
  if (phase == "storing") return upload_share + store_share * part(p.bytes, p.total_bytes);
  if (phase == "indexing") {
    return upload_share + store_share +
           (1 - upload_share - store_share) * part(p.indexed, p.index_total);
  }
  return 1.0;
}

// Names the upload's file as the person's computer called it (its last part, made a name every
// system accepts), so the import's summary and messages speak of "chatgpt-export.zip".
std::string safe_upload_name(const std::string& name) {
  const std::string base = name.substr(name.find_last_of("/\\") + 1);
  return base.empty() ? "export.zip" : model::safe_file_name(base);
}

}  // namespace

struct ImportJobs::Job {
  std::string id;
  bool uploaded = false;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  pipeline::CancelFlag cancel;
  std::thread worker;
  fs::path temporary;  // the upload's folder, removed when the import ends

  mutable std::mutex mutex;  // guards everything below
  std::string state = "running";
  std::string phase;
  int64_t upload_done = 0, upload_total = 0;
  pipeline::ImportProgress progress;
  nlohmann::json summary;  // null until done
  nlohmann::json error;    // null unless failed or cancelled
  double elapsed_at_end = -1;

  void fail(nlohmann::json why) {
    std::lock_guard lock(mutex);
    state = why["code"] == "cancelled" ? "cancelled" : "failed";
    error = std::move(why);
    elapsed_at_end = seconds_since(started);
  }

  nlohmann::json json() const {
    std::lock_guard lock(mutex);
    const double fraction =
        state == "done" ? 1.0
                        : overall_fraction(uploaded, phase, upload_done, upload_total, progress);
    const double elapsed = elapsed_at_end >= 0 ? elapsed_at_end : seconds_since(started);
    nlohmann::json eta = nullptr;
    if (state == "running") {
      if (auto left = eta_seconds(fraction, elapsed)) eta = *left;
    }
    const bool uploading = phase == "upload";
    return {{"id", id},
            {"state", state},
            {"phase", phase},
            {"bytes", uploading ? upload_done : progress.bytes},
            {"total_bytes", uploading ? upload_total : progress.total_bytes},
            {"conversations", progress.conversations},
            {"messages", progress.messages},
            {"indexed", progress.indexed},
            {"index_total", progress.index_total},
            {"fraction", fraction},
            {"eta_seconds", eta},
            {"elapsed_seconds", elapsed},
            {"cancellable", state == "running" && phase != "indexing" && phase != "finished"},
            {"summary", summary},
            {"error", error}};
  }
};

ImportJobs::ImportJobs(fs::path archive, importer::Limits limits)
    : archive_(std::move(archive)), limits_(limits) {}

ImportJobs::~ImportJobs() {
  std::vector<std::shared_ptr<Job>> jobs;
  {
    std::lock_guard lock(mutex_);
    jobs = jobs_;
  }
  for (auto& job : jobs) {
    job->cancel.cancel();
    if (job->worker.joinable()) job->worker.join();
  }
}

void ImportJobs::remove_leftovers() const { remove_leftover_folders(archive_, kTemporaryPrefix); }

std::shared_ptr<ImportJobs::Job> ImportJobs::reserve(bool upload, int64_t upload_total) {
  std::lock_guard lock(mutex_);
  if (running_) {
    throw Error("another import is running; wait for it to finish", ErrorCode::busy);
  }
  auto job = std::make_shared<Job>();
  job->id = new_job_id();
  job->uploaded = upload;
  job->phase = upload ? "upload" : "reading";
  job->upload_total = upload_total;  // before anyone can see the job
  running_ = job;
  jobs_.push_back(job);
  // Old finished jobs go; a running one is never among the oldest kept.
  while (jobs_.size() > kJobsKept) {
    if (jobs_.front()->worker.joinable()) jobs_.front()->worker.join();
    jobs_.erase(jobs_.begin());
  }
  return job;
}

void ImportJobs::release(Job& job) {
  std::lock_guard lock(mutex_);
  if (running_.get() == &job) running_.reset();
}

std::shared_ptr<Upload> ImportJobs::begin_upload(const std::string& file_name,
                                                 int64_t total_bytes) {
  if (total_bytes > limits_.max_total_bytes) {
    throw Error("the upload is larger than the import limit", ErrorCode::too_large);
  }
  const fs::path folder = archive_folder(archive_);
  std::error_code ec;
  auto space = fs::space(folder, ec);
  if (!ec && static_cast<int64_t>(space.available) < total_bytes + kSpareBytes) {
    throw Error(folder.string() + ": not enough free space for the upload", ErrorCode::disk_full);
  }
  auto job = reserve(true, total_bytes);
  auto upload = std::make_shared<Upload>();
  upload->job = job;
  upload->id = job->id;
  upload->expected = total_bytes;
  try {
    upload->folder = platform::make_private_temp_dir(std::string(kTemporaryPrefix), folder);
    upload->file = upload->folder / fs::u8path(safe_upload_name(file_name));
    upload->out.open(upload->file, std::ios::binary | std::ios::trunc);
    if (!upload->out) throw Error(upload->file.string() + ": cannot create the upload's file");
  } catch (...) {
    abandon_upload(upload);
    throw;
  }
  job->temporary = upload->folder;
  return upload;
}

bool ImportJobs::receive(Upload& upload, const char* data, size_t size) {
  if (upload.job->cancel.cancelled()) return false;
  upload.out.write(data, static_cast<std::streamsize>(size));
  if (!upload.out) return false;
  std::lock_guard lock(upload.job->mutex);
  upload.job->upload_done += static_cast<int64_t>(size);
  return upload.job->upload_done <= upload.expected;
}

void ImportJobs::abandon_upload(const std::shared_ptr<Upload>& upload) {
  const bool write_failed = upload->out.is_open() && !upload->out;
  const int error = errno;
  upload->out.close();
  std::error_code ignored;
  if (!upload->folder.empty()) fs::remove_all(upload->folder, ignored);
  release(*upload->job);  // before the end is told, as for an import that ran
  if (upload->job->cancel.cancelled()) {
    upload->job->fail(error_json("cancelled", "cancelled"));
  } else if (write_failed && (error == ENOSPC || error == EFBIG)) {
    upload->job->fail(error_json("disk_full", upload->file.string() + ": the disk is full"));
  } else {
    upload->job->fail(error_json("upload_interrupted", "the upload stopped before the end"));
  }
}

std::string ImportJobs::finish_upload(const std::shared_ptr<Upload>& upload) {
  upload->out.close();
  if (!upload->out || upload->job->upload_done != upload->expected) {
    abandon_upload(upload);
    throw Error("the upload stopped before the end");
  }
  start(upload->job, upload->file);
  return upload->job->id;
}

std::string ImportJobs::start_path(const fs::path& input) {
  auto job = reserve(false);
  start(job, input);
  return job->id;
}

void ImportJobs::start(const std::shared_ptr<Job>& job, fs::path input) {
  {
    std::lock_guard lock(job->mutex);
    job->phase = "reading";
  }
  job->worker = std::thread([this, job, input = std::move(input)] {
    pipeline::ImportRequest request;
    request.input = input;
    request.archive = archive_;
    request.limits = limits_;
    if (!job->temporary.empty()) request.input_name = input.filename().string();
    nlohmann::json summary, why;
    try {
      auto result = pipeline::run_import(
          request,
          [&job](const pipeline::ImportProgress& p) {
            std::lock_guard lock(job->mutex);
            job->progress = p;
            job->phase = pipeline::to_string(p.phase);
          },
          &job->cancel);
      summary = pipeline::import_summary_json(result);
    } catch (...) {
      why = error_json(std::current_exception());
      // Messages name the upload by its own name, not the temporary path it was received at.
      if (!job->temporary.empty() && why["message"].is_string()) {
        std::string message = why["message"];
        const std::string temporary = input.string();
        if (auto at = message.find(temporary); at != std::string::npos) {
          message.replace(at, temporary.size(), input.filename().string());
        }
        why["message"] = message;
      }
    }
    // Cleaned up and released before the end is told: whoever sees it may start the next
    // import at once, and finds no temporary file.
    std::error_code ignored;
    if (!job->temporary.empty()) fs::remove_all(job->temporary, ignored);
    release(*job);
    if (!why.is_null()) {
      job->fail(std::move(why));
      return;
    }
    std::lock_guard lock(job->mutex);
    job->summary = std::move(summary);
    job->state = "done";
    job->phase = "finished";
    job->elapsed_at_end = seconds_since(job->started);
  });
}

std::shared_ptr<ImportJobs::Job> ImportJobs::find(const std::string& id) const {
  std::lock_guard lock(mutex_);
  if (id == "current") {
    if (running_) return running_;
    return jobs_.empty() ? nullptr : jobs_.back();
  }
  return find_by_id(jobs_, id);
}

std::optional<nlohmann::json> ImportJobs::status(const std::string& id) const {
  auto job = find(id);
  if (!job) return std::nullopt;
  return job->json();
}

std::string ImportJobs::running_id() const {
  std::lock_guard lock(mutex_);
  return running_ ? running_->id : "";
}

ImportJobs::CancelResult ImportJobs::cancel(const std::string& id) {
  auto job = find(id);
  if (!job) return CancelResult::unknown;
  std::lock_guard lock(job->mutex);
  if (job->state != "running") return CancelResult::finished;
  if (job->phase == "indexing" || job->phase == "finished") return CancelResult::too_late;
  job->cancel.cancel();
  return CancelResult::cancelling;
}

}  // namespace afterglow::server
