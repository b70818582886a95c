// Arbitrary message text through the Markdown-to-HTML path of the book and the web reader. Besides
// crashes, it checks the safety promise: no markup from the text survives as live HTML.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "afterglow/viewer/html_markdown.h"

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string html = lower(afterglow::viewer::markdown_to_html(text).html);
  // Raw HTML in a message is shown as text; links only go to http, https and mailto.
  for (const char* forbidden : {"<script", "<iframe", "<object", "<embed", "href=\"javascript:",
                                "src=\"javascript:", "href=\"data:", "<svg", "<style"}) {
    if (html.find(forbidden) != std::string::npos) std::abort();
  }
  return 0;
}
