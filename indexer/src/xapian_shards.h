// The Xapian folder is written as shards, one writer thread each, so that indexing (the
// import's largest cost) uses more than one core. Shards come in two groups: "shown" holds the
// messages a search shows by default (on the displayed thread, not hidden, not reasoning),
// "hidden" the rest, so that an ordinary search opens only the shown shards and reads posting
// lists that hold nothing it would filter out. Within a group a conversation's messages all
// live in one shard, chosen from a hash of its id. The folder holds a stub file, XAPIANDB, that
// lists every shard, so Xapian's own tools (xapian-delve, xapian-compact) and
// Xapian::Database(folder) open the folder as a whole.
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

// Shards in each group.
inline constexpr int kShardsPerGroup = 2;

enum class ShardGroup { shown, hidden };

// Which shard of its group holds the messages of a conversation: FNV-1a (32 bit) of its id,
// modulo the shards per group (docs/FORMAT.md).
int shard_of(std::string_view conversation_id, int shards);

// "shown-<n>" or "hidden-<n>" inside the folder.
std::filesystem::path shard_path(const std::filesystem::path& folder, ShardGroup group, int shard);
// Every shard, in the stub's order: the shown group, then the hidden one. A shard's place in
// this list is shard_slot().
std::vector<std::filesystem::path> shard_paths(const std::filesystem::path& folder);
inline size_t shard_slot(ShardGroup group, int shard) {
  return static_cast<size_t>((group == ShardGroup::shown ? 0 : kShardsPerGroup) + shard);
}

// The shard names listed by the folder's stub file; empty when there is none (no index yet, or
// a folder written before shards).
std::vector<std::filesystem::path> read_stub(const std::filesystem::path& folder);
// Writes the stub listing shard_paths() (atomically: a reader sees the old or new list).
// The stub is the folder's commit point: it is written once every shard it lists exists, and
// removed before a rebuild touches any, so a folder without it is an index not finished yet.
void write_stub(const std::filesystem::path& folder);
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
  // Deletes the document with this id term, if the shard has one.
  void remove(std::string id_term);
  // Commits what was added, recording seq (see XapianIndex::commit()).
  void commit(int64_t seq);
  void wait();

 private:
  struct Commit {
    int64_t seq;
  };
  struct Remove {
    std::string id_term;
  };
  using Task = std::variant<Document, Commit, Remove>;

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
