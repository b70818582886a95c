#include "snippet.h"

#include <algorithm>
#include <utility>

#include "afterglow/indexer/index.h"
#include "afterglow/text/case.h"
#include "afterglow/text/cut.h"
#include "afterglow/text/utf8.h"
#include "cjk.h"

namespace afterglow::indexer {
namespace {

using text::kEllipsis;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

char32_t next_code_point(std::string_view s, size_t& i) {
  const text::CodePoint cp = text::decode_utf8(s, i);
  i += cp.length;
  return cp.value;
}

// Maximal runs of CJK characters in a text.
std::vector<std::string> cjk_runs(std::string_view text) {
  std::vector<std::string> runs;
  std::string run;
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    if (is_cjk(next_code_point(text, i))) {
      run.append(text.substr(start, i - start));
    } else if (!run.empty()) {
      runs.push_back(std::move(run));
      run.clear();
    }
  }
  if (!run.empty()) runs.push_back(std::move(run));
  return runs;
}

// A text cut into alternating CJK and other parts: {part, is_cjk}.
std::vector<std::pair<std::string, bool>> script_parts(std::string_view text) {
  std::vector<std::pair<std::string, bool>> parts;
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    bool cjk = is_cjk(next_code_point(text, i));
    if (parts.empty() || parts.back().second != cjk) parts.emplace_back("", cjk);
    parts.back().first.append(text.substr(start, i - start));
  }
  return parts;
}

// Appends CJK text with only the wanted runs marked, longest first where two start together.
void mark_runs(const std::string& text, const std::vector<std::string>& wanted, std::string& out) {
  size_t at = 0;
  while (at < text.size()) {
    size_t best = std::string::npos, best_len = 0;
    for (const auto& run : wanted) {
      size_t found = text.find(run, at);
      if (found != std::string::npos &&
          (found < best || (found == best && run.size() > best_len))) {
        best = found;
        best_len = run.size();
      }
    }
    if (best == std::string::npos) break;
    out.append(text, at, best - at);
    out += kMarkStart + text.substr(best, best_len) + kMarkEnd;
    at = best + best_len;
  }
  out.append(text, at, std::string::npos);
}

// Appends text marked, with surrounding spaces left outside the mark.
void mark_trimmed(const std::string& text, std::string& out) {
  size_t first = text.find_first_not_of(' ');
  if (first == std::string::npos) {
    out += text;
    return;
  }
  size_t last = text.find_last_not_of(' ');
  out.append(text, 0, first);
  out += kMarkStart + text.substr(first, last + 1 - first) + kMarkEnd;
  out.append(text, last + 1, std::string::npos);
}

}  // namespace

std::string refine_cjk_marks(std::string_view snippet, const std::vector<std::string>& terms) {
  std::vector<std::string> wanted;
  for (const auto& term : terms) {
    for (auto& run : cjk_runs(term)) wanted.push_back(std::move(run));
  }
  std::string out;
  out.reserve(snippet.size());
  for (size_t i = 0; i < snippet.size();) {
    if (snippet[i] != kMarkStart) {
      out += snippet[i++];
      continue;
    }
    // Collect one marked span, joining marks that touch: <a><b> -> <ab>.
    std::string span;
    size_t j = i;
    while (j < snippet.size() && snippet[j] == kMarkStart) {
      size_t end = snippet.find(kMarkEnd, j + 1);
      if (end == std::string_view::npos) end = snippet.size();
      span.append(snippet.substr(j + 1, end - j - 1));
      j = std::min(snippet.size(), end + 1);
    }
    i = j;
    // Xapian joins neighbouring matches across scripts ("学习 machine"): treat each script's
    // part of the span on its own.
    for (const auto& [part, cjk] : script_parts(span)) {
      if (cjk) {
        mark_runs(part, wanted, out);
      } else {
        mark_trimmed(part, out);
      }
    }
  }
  return out;
}

std::string fold_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

bool misses_a_cjk_term(std::string_view snippet, std::string_view text,
                       const std::vector<std::string>& terms) {
  for (const auto& term : terms) {
    for (const auto& run : cjk_runs(term)) {
      const std::string marked = kMarkStart + run + kMarkEnd;
      if (text.find(run) != std::string_view::npos &&
          snippet.find(marked) == std::string_view::npos) {
        return true;
      }
    }
  }
  return false;
}

std::string substring_snippet(std::string_view raw, const std::vector<std::string>& needles,
                              size_t max_bytes) {
  const std::string text = fold_whitespace(raw);
  const std::string folded = text::to_lower_ascii(text);
  std::vector<std::pair<size_t, size_t>> spans;
  for (const auto& needle_raw : needles) {
    const std::string needle = text::to_lower_ascii(fold_whitespace(needle_raw));
    if (needle.empty()) continue;
    for (size_t at = folded.find(needle); at != std::string::npos;
         at = folded.find(needle, at + needle.size())) {
      spans.emplace_back(at, at + needle.size());
    }
  }
  std::sort(spans.begin(), spans.end());
  std::vector<std::pair<size_t, size_t>> merged;
  for (const auto& span : spans) {
    // Overlapping matches are one mark; touching ones ("学习machine") stay two.
    if (!merged.empty() && span.first < merged.back().second) {
      merged.back().second = std::max(merged.back().second, span.second);
    } else {
      merged.push_back(span);
    }
  }

  size_t begin = 0;
  if (!merged.empty() && merged.front().first > max_bytes / 4) {
    begin = text::character_start(text, merged.front().first - max_bytes / 4);
    // Start at a word boundary when one is near, so the snippet does not open mid-word.
    size_t space = text.find(' ', begin);
    if (space != std::string::npos && space < merged.front().first && space - begin < 16) {
      begin = space + 1;
    }
  }
  size_t end = std::min(text.size(), begin + max_bytes);
  if (end < text.size()) end = text::character_start(text, end);
  if (!merged.empty()) end = std::max(end, std::min(text.size(), merged.front().second));

  std::string out;
  if (begin > 0) out += kEllipsis;
  size_t at = begin;
  for (const auto& [a, b] : merged) {
    if (b <= begin || a >= end) continue;
    size_t from = std::max(a, begin), to = std::min(b, end);
    out.append(text, at, from - at);
    out += kMarkStart;
    out.append(text, from, to - from);
    out += kMarkEnd;
    at = to;
  }
  out.append(text, at, end - at);
  if (end < text.size()) out += kEllipsis;
  return out;
}

TextWindow snippet_window(std::string_view text, const std::vector<std::string>& terms,
                          size_t snippet_bytes) {
  const TextWindow whole{0, text.size()};
  if (text.size() <= 4 * snippet_bytes) return whole;
  const std::string folded = text::to_lower_ascii(text);
  auto is_word_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  size_t first = std::string::npos;
  for (const auto& term : terms) {
    const std::string needle = text::to_lower_ascii(term);
    if (needle.empty()) continue;
    const bool word = static_cast<unsigned char>(needle[0]) < 0x80;
    for (size_t at = folded.find(needle); at != std::string::npos && at < first;
         at = folded.find(needle, at + 1)) {
      if (!word || at == 0 || !is_word_char(folded[at - 1])) {
        first = at;
        break;
      }
    }
  }
  if (terms.empty()) first = 0;
  if (first == std::string::npos) return whole;
  TextWindow window;
  if (first > snippet_bytes) {
    window.begin = text::character_start(text, first - snippet_bytes);
    // Start at a word boundary when one is near, as a reader would.
    const size_t space = text.find(' ', window.begin);
    if (space != std::string::npos && space < first && space - window.begin < 32) {
      window.begin = space + 1;
    }
  }
  window.end = std::min(text.size(), first + 3 * snippet_bytes);
  if (window.end < text.size()) window.end = text::character_start(text, window.end);
  return window;
}

std::string mark_window_cuts(std::string snippet, TextWindow window, size_t text_size) {
  if (window.begin > 0 && snippet.rfind(kEllipsis, 0) != 0) {
    snippet.insert(0, kEllipsis);
  }
  if (window.end < text_size &&
      (snippet.size() < kEllipsis.size() ||
       snippet.compare(snippet.size() - kEllipsis.size(), kEllipsis.size(), kEllipsis) != 0)) {
    snippet += kEllipsis;
  }
  return snippet;
}

std::string tidy_xapian_snippet(std::string_view snippet) {
  std::string out;
  out.reserve(snippet.size());
  for (size_t i = 0; i < snippet.size(); ++i) {
    if (snippet[i] == '&') {
      static constexpr std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool replaced = false;
      for (const auto& [entity, c] : kEntities) {
        if (snippet.substr(i, entity.size()) == entity) {
          out += c;
          i += entity.size() - 1;
          replaced = true;
          break;
        }
      }
      if (replaced) continue;
    }
    out += snippet[i];
  }
  return fold_whitespace(out);
}

std::string plain_snippet(std::string_view marked) {
  std::string out;
  out.reserve(marked.size());
  for (char c : marked) {
    if (c != kMarkStart && c != kMarkEnd) out += c;
  }
  return out;
}

}  // namespace afterglow::indexer
