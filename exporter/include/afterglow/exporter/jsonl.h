// The JSONL format: one JSON object per node of the conversation tree, every node (branches,
// hidden messages and nodes without a message too), in a fixed key order so that the same
// archive always gives the same bytes. The schema is in docs/FORMAT.md ("JSONL export").
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "afterglow/store/archive.h"

namespace afterglow::exporter {

// The record of node `node_index` of a stored conversation.
nlohmann::ordered_json jsonl_record(const store::StoredConversation& stored, size_t node_index,
                                    bool on_thread);

// Writes every node of the conversation, one line each; returns the number of lines.
size_t write_jsonl(std::ostream& out, const store::StoredConversation& stored);

}  // namespace afterglow::exporter
