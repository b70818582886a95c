// Search over an archive: both indexes kept current from the archive's message seq numbers.
#include "afterglow/indexer/search.h"

#include "afterglow/model/errors.h"

namespace afterglow::indexer {
namespace {

// Commit every so many messages: bounds the memory of a pending batch and the work lost to an
// interruption (the seq recorded at each commit lets the next run continue from there).
constexpr int64_t kBatch = 5000;

int64_t fill(store::Archive& archive, Index& index, const IndexProgressFn& progress) {
  const int64_t from = index.last_seq();
  const int64_t to = archive.max_message_seq();
  if (to <= from) return 0;
  IndexProgress state;
  state.engine = index.engine();
  state.total = to - from;
  int64_t last = from;
  archive.scan_messages(from, [&](const store::MessageRecord& record) {
    index.add(record);
    last = record.seq;
    ++state.done;
    if (state.done % kBatch == 0) {
      index.commit(last);
      if (progress) progress(state);
    }
  });
  index.commit(std::max(last, to));
  if (progress) progress(state);
  return state.done;
}

IndexUpdate update(store::Archive& archive, const IndexProgressFn& progress, bool rebuild) {
  IndexUpdate result;
  {
    auto xapian = open_xapian_index(xapian_path(archive.path()), true);
    if (rebuild) xapian->clear();
    result.xapian_messages = fill(archive, *xapian, progress);
  }
  {
    auto fts5 = open_fts5_index(archive.db(), true);
    if (rebuild) fts5->clear();
    result.fts5_messages = fill(archive, *fts5, progress);
  }
  return result;
}

std::unique_ptr<Index> open_for_search(const store::Archive& archive, Engine engine) {
  if (engine == Engine::fts5) return open_fts5_index(archive.db(), false);
  return open_xapian_index(xapian_path(archive.path()), false);
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
  const Query query = parse_query(query_text);
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
