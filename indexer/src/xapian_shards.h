// The Xapian folder is written as shards, one writer thread each, so that indexing (the
// import's largest cost) uses more than one core. A conversation's messages all live in one
// shard, chosen from a hash of its id; searches open every shard as one database. The folder
// holds a stub file, XAPIANDB, that lists the shards, so Xapian's own tools (xapian-delve,
// xapian-compact) and Xapian::Database(folder) open the folder as a whole.
#pragma once

#include <xapian.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "afterglow/indexer/index.h"

namespace afterglow::indexer {

// Metadata key (in every shard) of the last message seq the shard has committed.
inline constexpr const char* kSeqKey = "afterglow.seq";

// Shards a new folder is written with.
inline constexpr int kShardCount = 2;

// Which of `shards` holds the messages of a conversation: FNV-1a (32 bit) of its id, modulo
// the shard count (docs/FORMAT.md).
int shard_of(std::string_view conversation_id, int shards);

// "shard-<n>" inside the folder.
std::filesystem::path shard_path(const std::filesystem::path& folder, int shard);

// The shard names listed by the folder's stub file; empty when there is none (no index yet, or
// a folder written before shards).
std::vector<std::filesystem::path> read_stub(const std::filesystem::path& folder);
// Writes the stub listing shards 0..shards-1 (atomically: a reader sees the old or new list).
// The stub is the folder's commit point: it is written once every shard it lists exists, and
// removed before a rebuild touches any, so a folder without it is an index not finished yet.
void write_stub(const std::filesystem::path& folder, int shards);
void remove_stub(const std::filesystem::path& folder);
// Whether the folder holds a finished index of any version: a stub, or a single database
// written before shards.
bool index_is_finished(const std::filesystem::path& folder);

// One shard's writable database and the thread that fills it. add() and commit() queue work
// and return; wait() blocks until the queue is done and rethrows the first error the thread
// met. The database is touched only by the thread once it runs.
class ShardWriter {
 public:
  enum class Start { open, empty };
  // Opens the shard (creating it when absent; `empty` replaces what it holds), taking its
  // write lock first; `prepare` runs on the open database before the thread starts (metadata,
  // a schema check).
  ShardWriter(const std::filesystem::path& path, Start start,
              const std::function<void(Xapian::WritableDatabase&)>& prepare);
  ~ShardWriter();
  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;

  // The seq recorded at the last commit, read before any work is queued.
  int64_t committed_seq() const { return committed_seq_; }

  void add(const Document& document);
  // Commits what was added, recording seq (see XapianIndex::commit()).
  void commit(int64_t seq);
  void wait();

 private:
  struct Commit {
    int64_t seq;
  };
  using Task = std::variant<Document, Commit>;

  void push(Task task);
  void run();
  void perform(Task& task);

  Xapian::WritableDatabase db_;
  Xapian::TermGenerator generator_;
  int64_t committed_seq_ = 0;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Task> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace afterglow::indexer
