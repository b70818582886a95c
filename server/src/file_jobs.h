// The app's jobs that make a file to download — books and exports: one of a kind at a time, each
// on a thread of its own, made by the same pipeline as the command line into a private temporary
// folder beside the archive, then downloaded. The files go when the server stops (or when newer
// jobs replace them); a job that fails or is cancelled leaves nothing to download.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "afterglow/pipeline/cancel.h"

namespace afterglow::server {

class FileJobs {
 public:
  // How far a job is, as its pipeline says it.
  struct Progress {
    std::string phase;
    size_t done = 0;
    size_t total = 0;
    double fraction = 0;  // of the whole job, 0 to 1
  };
  using Report = std::function<void(const Progress&)>;
  // Makes the file; returns the summary shown when it is done. Throws to fail.
  using Work = std::function<nlohmann::json(const Report&, const pipeline::CancelFlag&)>;
  struct Plan {
    std::filesystem::path file;  // what is downloaded, inside the job's folder
    Work work;
  };

  // `route`: "/api/books", where a job's status and download are; `what`: "book", in the
  // message that refuses a second one while one is being made.
  FileJobs(std::filesystem::path archive, std::string temporary_prefix, std::string route,
           std::string what);
  ~FileJobs();  // cancels a running job, waits for it, removes every job's files
  FileJobs(const FileJobs&) = delete;
  FileJobs& operator=(const FileJobs&) = delete;

  // Removes the folders a killed app left behind.
  void remove_leftovers() const;

  // Starts a job; `plan` is given the job's private folder. Throws Error (busy) while another
  // job of this kind runs, and whatever `plan` throws.
  std::string start(const std::string& format,
                    const std::function<Plan(const std::filesystem::path& folder)>& plan);

  std::optional<nlohmann::json> status(const std::string& id) const;
  struct Download {
    std::filesystem::path file;
    std::string name;  // e.g. "My years with GPT-4o.html"
    std::string media_type;
  };
  // The finished job's file; nullopt when unknown or not ready.
  std::optional<Download> download(const std::string& id) const;
  bool cancel(const std::string& id);  // false when unknown or finished

  const std::filesystem::path& archive() const { return archive_; }

  struct Job;

 private:
  std::shared_ptr<Job> find(const std::string& id) const;

  std::filesystem::path archive_;
  std::string temporary_prefix_, route_, what_;
  mutable std::mutex mutex_;
  std::vector<std::shared_ptr<Job>> jobs_;
};

// A text option of a job's JSON request: absent or null gives `fallback`; anything but a string
// (or one of more than 10,000 bytes) is an InputError naming the field.
std::string text_option(const nlohmann::json& options, const char* name, std::string fallback = {});

}  // namespace afterglow::server
