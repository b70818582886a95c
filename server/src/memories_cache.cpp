#include "memories_cache.h"

#include <unordered_map>

#include "afterglow/model/errors.h"
#include "afterglow/text/cut.h"
#include "afterglow/text/title.h"
#include "url.h"

namespace afterglow::server {
namespace {

struct Stopped {};

struct Totals {
  int64_t messages = 0;
  int64_t words = 0;
};

}  // namespace

viewer::BookStats gather_memories(const store::Archive& archive, const std::atomic<bool>& stop) {
  viewer::BookStats stats;
  std::unordered_map<std::string, Totals> totals;
  archive.scan_messages(0, [&](const store::MessageRecord& r) {
    if (stop) throw Stopped{};
    // As the book counts: visible messages of the displayed thread.
    if (!r.on_thread || r.hidden) return;
    model::Message m;
    m.role = r.role;
    m.model = r.model;
    m.create_time = r.create_time;
    m.text = r.text;
    stats.add_message(m, r.model);
    auto& t = totals[r.source + '\n' + r.account + '\n' + r.conversation_id];
    ++t.messages;
    t.words += viewer::count_words(r.text);
  });
  for (auto& summary : archive.list(store::ListFilter{})) {
    viewer::BookEntry entry;
    entry.title = text::display_title(summary.title, summary.first_user_text);
    if (entry.title.empty()) entry.title = text::kEllipsis;
    entry.href = "/c/" + url_encode(summary.id) + query_string({{"account", summary.account}});
    entry.create_time = summary.create_time;
    auto t = totals.find(summary.source + '\n' + summary.account + '\n' + summary.id);
    if (t != totals.end()) {
      entry.messages = t->second.messages;
      entry.words = t->second.words;
    }
    entry.first_words = text::first_line(summary.first_user_text, viewer::kFirstWordsCharacters);
    stats.add_entry(std::move(entry));
  }
  return stats;
}

MemoriesCache::~MemoriesCache() {
  stopping_ = true;
  if (worker_.joinable()) worker_.join();
}

void MemoriesCache::start(int64_t archive_seq) { get(archive_seq); }

std::shared_ptr<const viewer::BookStats> MemoriesCache::get(int64_t archive_seq) {
  std::lock_guard lock(mutex_);
  if (archive_seq != stats_seq_ && archive_seq != gathering_seq_ && !stopping_) {
    if (gathering_seq_ < 0) {
      if (worker_.joinable()) worker_.join();  // the previous gathering has finished
      gathering_seq_ = archive_seq;
      worker_ = std::thread([this, archive_seq] { gather(archive_seq); });
    }
  }
  return stats_;
}

void MemoriesCache::gather(int64_t seq) {
  std::shared_ptr<const viewer::BookStats> stats;
  try {
    auto archive = pool_.borrow();
    stats = std::make_shared<const viewer::BookStats>(gather_memories(*archive, stopping_));
  } catch (...) {
    // Stopped, or the archive could not be read right now: the next request tries again.
  }
  std::lock_guard lock(mutex_);
  if (stats) {
    stats_ = std::move(stats);
    stats_seq_ = seq;
  }
  gathering_seq_ = -1;
}

}  // namespace afterglow::server
