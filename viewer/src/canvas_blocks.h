// ChatGPT's inline Canvas documents: from 2026 an answer can carry a document written in place as
// a directive block, `:::writing{variant="email" id="…" subject="…"}` … `:::`. Cut out here so
// every renderer shows it as the document it is, never as the raw markup.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace afterglow::viewer {

struct TextBlock {
  bool document = false;  // a Canvas document; otherwise ordinary text of the answer
  std::string variant;    // "document", "email", "social_post", "standard"…; empty for text
  std::string id;
  std::string subject;  // an email's subject, when given
  std::string body;     // the text (Markdown) inside the block, or the ordinary text
};

// The text in order, documents and what lies between them. A text without directives is one
// ordinary block holding all of it. A block left open runs to the end (an answer cut short).
std::vector<TextBlock> split_canvas_blocks(std::string_view text);

bool has_canvas_blocks(std::string_view text);

}  // namespace afterglow::viewer
