// Message text made fit for indexing: citation markers and other private-use characters carry no
// words, and left in place they would fuse the words on either side into one term.
#pragma once

#include <string>
#include <string_view>

namespace afterglow::indexer {

// Replaces with spaces: private-use entities (U+E200 ... U+E201 with their kind and
// "turn0search1"-style anchors), every other private-use character (U+E000-U+F8FF), old
// 【11†source】 citation marks, and control characters other than tab and newline.
std::string searchable_text(std::string_view text);

}  // namespace afterglow::indexer
