// Markdown (as the assistant wrote it) to safe HTML with cmark-gfm: tables, strikethrough,
// autolinks, task lists and fenced code with its language. Raw HTML in a message is shown as
// text, links go only to http, https and mailto, remote images become links (a book never
// fetches anything), and math ($…$, \(…\), \[…\], $$…$$) is kept whole for the math renderer.
#pragma once

#include <string>
#include <string_view>

namespace afterglow::viewer {

struct MarkdownHtml {
  std::string html;
  bool has_math = false;  // contains <span class="math"> elements
};

MarkdownHtml markdown_to_html(std::string_view markdown);

// Text shown exactly as typed (user turns, tool output): escaped, whitespace kept by CSS.
std::string plain_text_html(std::string_view text);

}  // namespace afterglow::viewer
