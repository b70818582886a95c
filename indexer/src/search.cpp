// Search over an archive: both indexes kept current from the archive's message seq numbers.
#include "afterglow/indexer/search.h"

#include <exception>
#include <mutex>
#include <thread>

#include "afterglow/model/errors.h"

namespace afterglow::indexer {
namespace {

// Commit every so many messages: bounds the memory of a pending batch and the work lost to an
// interruption (the seq recorded at each commit lets the next run continue from there).
constexpr int64_t kBatch = 5000;

// Indexes what `index` has not seen yet; progress goes to `report` every batch, and the final
// state is returned for the caller to report.
IndexProgress fill(const store::Archive& archive, Index& index, const IndexProgressFn& report) {
  IndexProgress state;
  state.engine = index.engine();
  const int64_t from = index.last_seq();
  const int64_t to = archive.max_message_seq();
  if (to <= from) return state;
  state.total = to - from;
  int64_t last = from;
  archive.scan_messages(from, [&](const store::MessageRecord& record) {
    index.add(record);
    last = record.seq;
    ++state.done;
    if (state.done % kBatch == 0) {
      index.commit(last);
      report(state);
    }
  });
  index.commit(std::max(last, to));
  return state;
}

// The two engines share nothing but the archive they read, so they fill side by side: Xapian on
// a second thread through its own read-only connection (WAL lets it read while FTS5 writes
// into the archive), FTS5 on this one. Each is as long as the other on a 2-core machine.
IndexUpdate update(store::Archive& archive, const IndexProgressFn& progress, bool rebuild) {
  std::mutex progress_mutex;
  auto report = [&](const IndexProgress& state) {
    if (!progress) return;
    std::lock_guard lock(progress_mutex);
    progress(state);
  };

  IndexProgress xapian_done;
  std::exception_ptr xapian_error;
  std::thread xapian_thread([&] {
    try {
      auto reader = store::Archive::open(archive.path(), store::Archive::Mode::read_only);
      auto xapian = open_xapian_index(xapian_path(archive.path()), true);
      if (rebuild) xapian->clear();
      xapian_done = fill(*reader, *xapian, report);
    } catch (...) {
      xapian_error = std::current_exception();
    }
  });

  IndexProgress fts5_done;
  std::exception_ptr fts5_error;
  try {
    auto fts5 = open_fts5_index(archive.database(), true);
    if (rebuild) fts5->clear();
    fts5_done = fill(archive, *fts5, report);
  } catch (...) {
    fts5_error = std::current_exception();
  }
  xapian_thread.join();
  if (xapian_error) std::rethrow_exception(xapian_error);
  if (fts5_error) std::rethrow_exception(fts5_error);

  // Final states in a fixed order, whichever engine finished first.
  if (xapian_done.total > 0) report(xapian_done);
  if (fts5_done.total > 0) report(fts5_done);
  return {xapian_done.done, fts5_done.done};
}

std::unique_ptr<Index> open_for_search(const store::Archive& archive, Engine engine) {
  if (engine == Engine::fts5) return open_fts5_index(archive.database(), false);
  return open_xapian_index(
      xapian_path(archive.path()), false,
      [&archive](const store::ConversationKey& conversation, const std::string& node) {
        return archive.message_text(conversation, node);
      });
}

}  // namespace

IndexUpdate update_indexes(store::Archive& archive, const IndexProgressFn& progress) {
  return update(archive, progress, false);
}

IndexUpdate rebuild_indexes(store::Archive& archive, const IndexProgressFn& progress) {
  return update(archive, progress, true);
}

bool index_is_current(const store::Archive& archive, Engine engine) {
  try {
    return open_for_search(archive, engine)->last_seq() >= archive.max_message_seq();
  } catch (const ArchiveError&) {
    return false;
  }
}

Results search(const store::Archive& archive, std::string_view query_text,
               const SearchOptions& options) {
  Query query = parse_query(query_text);
  resolve_keepsakes(query.root, archive);
  resolve_projects(query.root, archive);
  return open_for_search(archive, options.engine)->search(query, options);
}

const char* to_string(Engine engine) { return engine == Engine::fts5 ? "fts5" : "xapian"; }

const char* to_string(Sort sort) {
  switch (sort) {
    case Sort::relevance:
      return "relevance";
    case Sort::newest:
      return "newest";
    case Sort::oldest:
      return "oldest";
  }
  return "relevance";
}

}  // namespace afterglow::indexer
