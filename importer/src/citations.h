// Citation markup in assistant text, turned into Markdown links with numbered sources:
//  - 2023-24 "tether_og" markers 【3†source】, 【3:0†source】, 【0†Title†domain】, resolved through
//    metadata.citations (start_ix/end_ix) or metadata._cite_metadata.metadata_list;
//  - 2024-10+ private-use markers U+E200..U+E206 (e.g. "\ue200cite\ue202turn0search1\ue201"),
//    resolved through metadata.content_references by their matched_text.
// Whatever cannot be resolved is removed: the raw markers never reach displayed text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "afterglow/model/conversation.h"
#include "dom_access.h"

namespace afterglow::importer {

void render_citations(std::string& text, std::optional<Json> metadata,
                      std::vector<model::Citation>& citations);

// Removes the private-use citation markers (and the entities they delimit) from `text`.
void strip_private_use_markers(std::string& text);

}  // namespace afterglow::importer
