// The numbers behind the memories pictures on the home page (the book's own, from
// afterglow/viewer/book_memories.h): every message has to be read once to count words and
// days, which takes seconds on a large archive, so they are gathered on a background thread,
// kept, and gathered again when an import has added messages.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "afterglow/viewer/book_stats.h"
#include "archive_pool.h"

namespace afterglow::server {

class MemoriesCache {
 public:
  explicit MemoriesCache(ArchivePool& pool) : pool_(pool) {}
  ~MemoriesCache();

  // The newest statistics gathered (nullptr before the first are ready). When the archive has
  // changed since (`archive_seq`, its max_message_seq), a new gathering starts in the background.
  std::shared_ptr<const viewer::BookStats> get(int64_t archive_seq);
  // Starts the first gathering.
  void start(int64_t archive_seq);

 private:
  void gather(int64_t seq);

  ArchivePool& pool_;
  std::mutex mutex_;
  std::shared_ptr<const viewer::BookStats> stats_;
  int64_t stats_seq_ = -1;
  int64_t gathering_seq_ = -1;
  std::thread worker_;
  std::atomic<bool> stopping_{false};
};

// Gathers the statistics of everything in the archive: the messages on each displayed thread,
// and one entry per conversation linking to the reader's page for it.
viewer::BookStats gather_memories(const store::Archive& archive, const std::atomic<bool>& stop);

}  // namespace afterglow::server
