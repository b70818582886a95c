// `afterglow memories`: what the companion remembered about the person — every memory write,
// memory snapshot and change of custom instructions, oldest first, each with where it happened —
// as terminal text in the person's language and as JSON (English keys, never translated).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "afterglow/store/memories.h"

namespace afterglow::viewer {

// The kind of a record in the reader's words ("Memory write"); an unknown kind as it is stored.
std::string memory_kind_words(const std::string& kind);

void render_memory_records_text(std::ostream& out,
                                const std::vector<store::StoredMemoryRecord>& records, bool color);
nlohmann::json memory_records_json(const std::vector<store::StoredMemoryRecord>& records,
                                   const std::vector<store::StoredProject>& projects);

}  // namespace afterglow::viewer
