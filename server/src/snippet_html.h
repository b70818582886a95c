// A search snippet as HTML: the matched words (between indexer::kMarkStart and kMarkEnd)
// inside <mark>, everything escaped.
#pragma once

#include <string>
#include <string_view>

namespace afterglow::server {

std::string snippet_html(std::string_view marked);

}  // namespace afterglow::server
