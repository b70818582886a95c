// The app's imports: one at a time, from an upload streamed to a temporary file beside the
// archive or from a path on this computer, run on a thread of their own through the same
// pipeline as `afterglow import`. Reading and searching go on meanwhile; a cancelled, failed or
// interrupted import leaves the archive as it was and no temporary file behind.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "afterglow/importer/importer.h"
#include "afterglow/pipeline/import_job.h"

namespace afterglow::server {

struct Upload;

class ImportJobs {
 public:
  // Temporary folders are made in the archive's folder and start with this.
  static constexpr std::string_view kTemporaryPrefix = ".afterglow-upload-";

  ImportJobs(std::filesystem::path archive, importer::Limits limits);
  // Cancels a running import and waits for it: the archive is left as it was.
  ~ImportJobs();
  ImportJobs(const ImportJobs&) = delete;
  ImportJobs& operator=(const ImportJobs&) = delete;

  // Removes what an earlier server that was killed left in the archive's folder.
  void remove_leftovers() const;

  // Reserves the one import for an upload of `total_bytes` named `file_name` (as the person's
  // computer calls it). Throws Error (busy, disk_full, too_large) when it cannot start.
  std::shared_ptr<Upload> begin_upload(const std::string& file_name, int64_t total_bytes);
  // Appends received bytes; false (and the upload is abandoned) when they cannot be written.
  bool receive(Upload& upload, const char* data, size_t size);
  // All bytes arrived: the import starts. Returns its id.
  std::string finish_upload(const std::shared_ptr<Upload>& upload);
  // The request ended before all bytes arrived: nothing is kept.
  void abandon_upload(const std::shared_ptr<Upload>& upload);

  // Starts importing a zip, folder or JSON file on this computer, in place. Throws Error (busy).
  std::string start_path(const std::filesystem::path& input);

  // The job's state as GET /api/imports/ID answers it; nullopt for an unknown id. "current" is
  // the running import, else the last one.
  std::optional<nlohmann::json> status(const std::string& id) const;
  // The running import's id, or "".
  std::string running_id() const;

  enum class CancelResult { cancelling, too_late, finished, unknown };
  // Cancelling is possible until the import is committed (then it is only indexing, which the
  // next search would do anyway: it finishes).
  CancelResult cancel(const std::string& id);

  struct Job;

 private:
  std::shared_ptr<Job> reserve(bool upload, int64_t upload_total = 0);
  void start(const std::shared_ptr<Job>& job, std::filesystem::path input);
  void release(Job& job);
  std::shared_ptr<Job> find(const std::string& id) const;

  std::filesystem::path archive_;
  importer::Limits limits_;
  mutable std::mutex mutex_;
  std::vector<std::shared_ptr<Job>> jobs_;  // newest last; a few kept for their status
  std::shared_ptr<Job> running_;
};

// An upload being received: its import's id, and where its bytes go.
struct Upload {
  std::string id;
  std::shared_ptr<ImportJobs::Job> job;
  std::filesystem::path folder;
  std::filesystem::path file;
  std::ofstream out;
  int64_t expected = 0;
};

}  // namespace afterglow::server
