#include "cjk_grams.h"

#include "afterglow/text/utf8.h"
#include "cjk.h"

namespace afterglow::indexer {

std::string cjk_grams(std::string_view text) {
  std::string out;
  std::string_view previous;  // the CJK character just before, "" after anything else
  for (size_t i = 0; i < text.size();) {
    const text::CodePoint cp = text::decode_utf8(text, i);
    const std::string_view here = text.substr(i, cp.length);
    i += cp.length;
    if (!cp.valid || !is_cjk(cp.value)) {
      previous = {};
      continue;
    }
    if (!out.empty()) out += ' ';
    out += here;
    if (!previous.empty()) {
      out += ' ';
      out += previous;
      out += here;
    }
    previous = here;
  }
  return out;
}

bool is_cjk_gram_term(std::string_view term) {
  size_t count = 0;
  for (size_t i = 0; i < term.size();) {
    const text::CodePoint cp = text::decode_utf8(term, i);
    if (!cp.valid || !is_cjk(cp.value)) return false;
    i += cp.length;
    ++count;
  }
  return count >= 1 && count <= 2;
}

}  // namespace afterglow::indexer
