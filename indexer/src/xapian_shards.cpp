#include "xapian_shards.h"

#include <charconv>
#include <fstream>

#include "xapian_document.h"

namespace afterglow::indexer {
namespace {

constexpr const char* kStubName = "XAPIANDB";
// Documents a shard's queue holds before add() waits for the thread: enough to ride out
// uneven message sizes, small enough to bound memory.
constexpr size_t kQueueLimit = 256;

}  // namespace

int shard_of(std::string_view conversation_id, int shards) {
  uint32_t hash = 2166136261u;
  for (unsigned char c : conversation_id) {
    hash ^= c;
    hash *= 16777619u;
  }
  return static_cast<int>(hash % static_cast<uint32_t>(shards));
}

std::filesystem::path shard_path(const std::filesystem::path& folder, ShardGroup group, int shard) {
  return folder / ((group == ShardGroup::shown ? "shown-" : "hidden-") + std::to_string(shard));
}

std::vector<std::filesystem::path> shard_paths(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> paths;
  for (ShardGroup group : {ShardGroup::shown, ShardGroup::hidden}) {
    for (int shard = 0; shard < kShardsPerGroup; ++shard) {
      paths.push_back(shard_path(folder, group, shard));
    }
  }
  return paths;
}

std::vector<std::filesystem::path> read_stub(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> shards;
  std::ifstream in(folder / kStubName);
  std::string line;
  while (std::getline(in, line)) {
    // "auto <path relative to the folder>", Xapian's stub syntax.
    if (line.rfind("auto ", 0) == 0) shards.push_back(folder / line.substr(5));
  }
  return shards;
}

void write_stub(const std::filesystem::path& folder) {
  const auto temporary = folder / (std::string(kStubName) + ".new");
  {
    std::ofstream out(temporary, std::ios::trunc);
    for (const auto& shard : shard_paths({})) out << "auto " << shard.string() << "\n";
    out.flush();
    if (!out) throw Xapian::DatabaseCreateError("cannot write " + temporary.string());
  }
  std::filesystem::rename(temporary, folder / kStubName);
}

void remove_stub(const std::filesystem::path& folder) {
  std::filesystem::remove(folder / kStubName);
}

bool index_is_finished(const std::filesystem::path& folder) {
  return std::filesystem::exists(folder / kStubName) ||
         std::filesystem::exists(folder / "iamglass");
}

ShardWriter::ShardWriter(const std::filesystem::path& path, Start start,
                         const std::function<void(Xapian::WritableDatabase&)>& prepare)
    : db_(path.string(),
          start == Start::empty ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN) {
  prepare(db_);
  const std::string seq = db_.get_metadata(kSeqKey);
  std::from_chars(seq.data(), seq.data() + seq.size(), committed_seq_);
  setup_generator(generator_);
  thread_ = std::thread([this] { run(); });
}

ShardWriter::~ShardWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    // Work not yet committed is dropped: the next run starts again from the recorded seq.
    queue_.clear();
  }
  changed_.notify_all();
  thread_.join();
}

void ShardWriter::add(const Document& document) { push(document); }

void ShardWriter::remove(std::string id_term) { push(Remove{std::move(id_term)}); }

void ShardWriter::commit(int64_t seq) { push(Commit{seq}); }

void ShardWriter::push(Task task) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return queue_.size() < kQueueLimit || error_; });
  if (error_) std::rethrow_exception(error_);
  queue_.push_back(std::move(task));
  changed_.notify_all();
}

void ShardWriter::wait() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return (queue_.empty() && !busy_) || error_; });
  if (error_) std::rethrow_exception(error_);
}

void ShardWriter::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    Task task = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    changed_.notify_all();  // room in the queue
    lock.unlock();
    std::exception_ptr error;
    try {
      perform(task);
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    busy_ = false;
    if (error && !error_) error_ = error;
    if (error_) queue_.clear();
    changed_.notify_all();
  }
}

void ShardWriter::perform(Task& task) {
  if (auto* commit = std::get_if<Commit>(&task)) {
    db_.set_metadata(kSeqKey, std::to_string(commit->seq));
    db_.commit();
    committed_seq_ = commit->seq;
    return;
  }
  if (auto* remove = std::get_if<Remove>(&task)) {
    db_.delete_document(remove->id_term);
    return;
  }
  const Document& d = std::get<Document>(task);
  db_.replace_document(id_term(d), make_document(d, generator_, db_));
}

}  // namespace afterglow::indexer
