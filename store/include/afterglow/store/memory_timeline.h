// The companion's memory as a timeline of changes: a memory snapshot or custom instructions are
// written into every conversation they were part of, so an archive holds the same text again and
// again. Each is kept (memories.h); the views show it when it changed.
#pragma once

#include <vector>

#include "afterglow/store/memories.h"

namespace afterglow::store {

// For each record (in the order memory_records() gives them), whether it says what the previous
// record of the same kind, service and account said: a snapshot or custom instructions that did
// not change. Memory writes never repeat; each is a thing remembered.
std::vector<bool> repeats_previous(const std::vector<StoredMemoryRecord>& records);

}  // namespace afterglow::store
