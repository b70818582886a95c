// The few JSON values the archive writes itself (citations, the import summary) and reads back.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "afterglow/model/conversation.h"
#include "afterglow/text/json_string.h"

namespace afterglow::store {

// Appends `text` as a JSON string literal (quoted and escaped).
using text::append_json_string;

// [{"number":1,"title":"...","url":"...","snippet":"..."}, ...]
std::string citations_to_json(const std::vector<model::Citation>& citations);
std::vector<model::Citation> citations_from_json(const std::string& json);

}  // namespace afterglow::store
