#include "snippet_html.h"

#include "afterglow/indexer/index.h"
#include "afterglow/viewer/html_escape.h"

namespace afterglow::server {

std::string snippet_html(std::string_view marked) {
  std::string out;
  bool inside = false;
  size_t start = 0;
  for (size_t i = 0; i <= marked.size(); ++i) {
    bool end = i == marked.size();
    if (!end && marked[i] != indexer::kMarkStart && marked[i] != indexer::kMarkEnd) continue;
    viewer::append_escaped(out, marked.substr(start, i - start));
    start = i + 1;
    if (end) break;
    if (marked[i] == indexer::kMarkStart && !inside) {
      out += "<mark>";
      inside = true;
    } else if (marked[i] == indexer::kMarkEnd && inside) {
      out += "</mark>";
      inside = false;
    }
  }
  if (inside) out += "</mark>";
  return out;
}

}  // namespace afterglow::server
