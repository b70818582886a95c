// Search over an archive: keeping both indexes current, rebuilding them, and running a query.
#pragma once

#include <functional>
#include <string_view>

#include "afterglow/indexer/index.h"
#include "afterglow/store/archive.h"

namespace afterglow::indexer {

struct IndexProgress {
  Engine engine = Engine::xapian;
  int64_t done = 0;   // messages indexed so far in this run
  int64_t total = 0;  // messages to index in this run (an estimate from seq numbers)
};
using IndexProgressFn = std::function<void(const IndexProgress&)>;

struct IndexUpdate {
  int64_t xapian_messages = 0;
  int64_t fts5_messages = 0;
};

// Indexes messages written since each index last saw the archive (only new or changed ones),
// in both engines. The archive must be open read_write (the FTS5 tables live in it).
IndexUpdate update_indexes(store::Archive& archive, const IndexProgressFn& progress = {});
// Drops both indexes and indexes every message again.
IndexUpdate rebuild_indexes(store::Archive& archive, const IndexProgressFn& progress = {});

// True when the engine's index holds everything the archive has.
bool index_is_current(const store::Archive& archive, Engine engine);

// Parses and runs a query. The engine's index must exist (update_indexes); a missing one is an
// ArchiveError telling to run `afterglow reindex`. Throws QueryError for a malformed query.
Results search(const store::Archive& archive, std::string_view query, const SearchOptions& options);

}  // namespace afterglow::indexer
