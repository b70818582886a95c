// Do the search indexes agree with the archive? Both are derived from the archive's messages:
// every message the index has seen must have exactly one document, and no document may stand
// for a message the archive does not have.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "afterglow/indexer/index.h"
#include "afterglow/store/archive.h"

namespace afterglow::indexer {

struct IndexCheck {
  Engine engine = Engine::xapian;
  bool present = false;   // the index has been built (a missing index is not a fault: it is
                          // derived data, built again by `afterglow reindex` or a search)
  int64_t documents = 0;  // documents it holds
  int64_t messages = 0;   // messages the archive holds
  int64_t behind = 0;     // messages written after the index last caught up: not yet indexed,
                          // which the next search or import fixes; not a fault
  // "<source>/<account>/<conversation id>/<node id>" of messages the index has seen but holds
  // no document for (at most kMaxListed; missing_count has them all).
  std::vector<std::string> missing;
  int64_t missing_count = 0;
  // Documents for messages the archive does not have (same limit; extra_count has them all).
  std::vector<std::string> extra;
  int64_t extra_count = 0;
  std::vector<std::string> problems;  // anything else: unreadable index, inner inconsistency
  bool ok() const { return missing_count == 0 && extra_count == 0 && problems.empty(); }
};

inline constexpr size_t kMaxListed = 20;

// Checks both engines against the archive. Reads only.
std::vector<IndexCheck> check_indexes(const store::Archive& archive);

}  // namespace afterglow::indexer
