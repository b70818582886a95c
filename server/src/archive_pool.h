// Read-only archive connections shared by the worker threads. A SQLite connection (opened
// NOMUTEX) must be used by one thread at a time, so each request borrows one for its duration
// and gives it back; connections are opened on first need, at most one per worker. Each read
// sees the newest state an import in another process has committed (WAL).
#pragma once

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "afterglow/store/archive.h"

namespace afterglow::server {

class ArchivePool {
 public:
  ArchivePool(std::filesystem::path path, size_t size);
  // A borrowed connection; it goes back to the pool when the last copy is destroyed (streamed
  // responses keep it until the last byte is written). Throws ArchiveError when the archive
  // cannot be opened. Waits while every connection is in use.
  std::shared_ptr<store::Archive> borrow();
  const std::filesystem::path& path() const { return path_; }

 private:
  void give_back(store::Archive* archive);

  std::filesystem::path path_;
  size_t size_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<store::Archive>> idle_;
  size_t opened_ = 0;
};

}  // namespace afterglow::server
