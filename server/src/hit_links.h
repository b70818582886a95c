// Where a search hit leads: the conversation page, opened at the message, with hidden
// messages shown when the hit is one of them.
#pragma once

#include <string>

#include "afterglow/indexer/index.h"

namespace afterglow::server {

std::string hit_url(const indexer::Hit& hit, const std::string& query);

}  // namespace afterglow::server
