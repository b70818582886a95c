#include "afterglow/viewer/html_markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <vector>

#include "afterglow/viewer/html_escape.h"

namespace afterglow::viewer {
namespace {

// Math is cut out before cmark sees it (cmark would eat the backslashes of \( and turn _ into
// emphasis) and replaced by a token made of two control bytes that never survive in message text.
constexpr char kTokenStart = '\x02';
constexpr char kTokenEnd = '\x03';

struct Math {
  std::string source;  // as written, delimiters included (shown when math cannot be rendered)
  std::string tex;     // between the delimiters
  bool display = false;
};

struct Extracted {
  std::string text;
  std::vector<Math> math;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Length of a fence ("```" or "~~~", up to three spaces in) at the start of a line, or 0.
size_t fence_at(std::string_view text, size_t line_start, char& fence_char) {
  size_t i = line_start;
  while (i < text.size() && i - line_start < 3 && text[i] == ' ') ++i;
  if (i >= text.size() || (text[i] != '`' && text[i] != '~')) return 0;
  char c = text[i];
  size_t n = 0;
  while (i + n < text.size() && text[i + n] == c) ++n;
  if (n < 3) return 0;
  fence_char = c;
  return n;
}

size_t line_end(std::string_view text, size_t i) {
  size_t end = text.find('\n', i);
  return end == std::string_view::npos ? text.size() : end + 1;
}

// Finds `close` after `from` without crossing a blank line (math never spans paragraphs).
size_t find_close(std::string_view text, size_t from, std::string_view close, bool one_line) {
  for (size_t i = from; i + close.size() <= text.size(); ++i) {
    if (text[i] == '\n' && (one_line || (i + 1 < text.size() && text[i + 1] == '\n'))) {
      return std::string_view::npos;
    }
    if (text[i] == '\\' && close[0] != '\\') {
      ++i;  // an escaped character never closes
      continue;
    }
    if (text.compare(i, close.size(), close) == 0) return i;
  }
  return std::string_view::npos;
}

// Cuts the math out of a message's Markdown, left to right. Fenced blocks and code spans are
// copied as they are (math is never code); each \(…\), \[…\], $$…$$ and $…$ becomes a token.
class MathExtractor {
 public:
  explicit MathExtractor(std::string_view input) : input_(input) {
    out_.text.reserve(input.size());
  }

  Extracted run() && {
    size_t i = 0;
    while (i < input_.size()) {
      char fence_char = 0;
      if (at_line_start_) {
        if (size_t n = fence_at(input_, i, fence_char); n > 0) {
          i = copy_fenced_block(i, n, fence_char);
          continue;
        }
      }
      const char c = input_[i];
      at_line_start_ = c == '\n';
      if (c == kTokenStart || c == kTokenEnd) {
        out_.text += ' ';  // the token's own bytes never come from the message
        ++i;
      } else if (c == '\\' && i + 1 < input_.size()) {
        i = bracket_math(i);
      } else if (c == '`') {
        i = copy_code_span(i);
      } else if (c == '$' && i + 1 < input_.size() && input_[i + 1] == '$') {
        i = display_dollars(i);
      } else if (c == '$' && i + 1 < input_.size() && !is_space(input_[i + 1])) {
        i = inline_dollars(i);
      } else {
        out_.text += c;
        ++i;
      }
    }
    return std::move(out_);
  }

 private:
  // Each returns where reading goes on.

  // The fenced block at i verbatim, up to and including its closing fence.
  size_t copy_fenced_block(size_t i, size_t fence_length, char fence_char) {
    size_t j = line_end(input_, i);
    while (j < input_.size()) {
      char c = 0;
      const bool closes = fence_at(input_, j, c) >= fence_length && c == fence_char;
      j = line_end(input_, j);
      if (closes) break;
    }
    out_.text.append(input_.substr(i, j - i));
    return j;
  }

  // A code span verbatim: it ends at the next run of exactly as many backticks.
  size_t copy_code_span(size_t i) {
    size_t n = 0;
    while (i + n < input_.size() && input_[i + n] == '`') ++n;
    size_t j = i + n;
    size_t end = std::string_view::npos;
    while (j < input_.size()) {
      if (input_[j] == '`') {
        size_t m = 0;
        while (j + m < input_.size() && input_[j + m] == '`') ++m;
        if (m == n) {
          end = j + m;
          break;
        }
        j += m;
      } else {
        ++j;
      }
    }
    const size_t stop = end == std::string_view::npos ? i + n : end;
    out_.text.append(input_.substr(i, stop - i));
    at_line_start_ = false;
    return stop;
  }

  // \(…\) and \[…\] at a backslash; any other escape is copied with its character.
  size_t bracket_math(size_t i) {
    const char next = input_[i + 1];
    size_t close = std::string_view::npos;
    if (next == '(') close = find_close(input_, i + 2, "\\)", false);
    if (next == '[') close = find_close(input_, i + 2, "\\]", false);
    if (close != std::string_view::npos && close > i + 2) {
      return replace(i, 2, close, 2, next == '[');
    }
    out_.text.append(input_.substr(i, 2));
    at_line_start_ = next == '\n';
    return i + 2;
  }

  size_t display_dollars(size_t i) {
    const size_t close = find_close(input_, i + 2, "$$", false);
    if (close != std::string_view::npos && close > i + 2) return replace(i, 2, close, 2, true);
    out_.text += "$$";
    return i + 2;
  }

  size_t inline_dollars(size_t i) {
    const size_t close = closing_inline_dollar(i);
    if (close != std::string_view::npos) return replace(i, 1, close, 1, false);
    out_.text += '$';
    return i + 1;
  }

  // Inline $…$ as pandoc reads it: no space just inside either dollar, no digit right after the
  // closing one, so that "$5 and $10" stays money. npos when the dollar at i opens nothing.
  size_t closing_inline_dollar(size_t i) const {
    size_t close = i + 1;
    while ((close = find_close(input_, close, "$", true)) != std::string_view::npos) {
      const bool digit_after =
          close + 1 < input_.size() && input_[close + 1] >= '0' && input_[close + 1] <= '9';
      if (!is_space(input_[close - 1]) && !digit_after && close > i + 1) return close;
      ++close;
    }
    return std::string_view::npos;
  }

  // The math from `begin` to the end of its closing delimiter, kept and written as a token.
  size_t replace(size_t begin, size_t open_length, size_t close_at, size_t close_length,
                 bool display) {
    const std::string_view tex = input_.substr(begin + open_length, close_at - begin - open_length);
    out_.math.push_back({std::string(input_.substr(begin, close_at + close_length - begin)),
                         std::string(tex), display});
    out_.text += kTokenStart;
    out_.text += std::to_string(out_.math.size() - 1);
    out_.text += kTokenEnd;
    return close_at + close_length;
  }

  std::string_view input_;
  Extracted out_;
  bool at_line_start_ = true;
};

Extracted extract_math(std::string_view input) { return MathExtractor(input).run(); }

std::string plain_literal(cmark_node* node) {
  std::string text;
  cmark_iter* iter = cmark_iter_new(node);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(iter);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_literal(n) &&
        cmark_node_get_type(n) != CMARK_NODE_HTML_INLINE) {
      text += cmark_node_get_literal(n);
    }
  }
  cmark_iter_free(iter);
  return text;
}

cmark_node* text_node(const std::string& literal) {
  cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(text, literal.c_str());
  return text;
}

void replace_node(cmark_node* old_node, cmark_node* new_node) {
  cmark_node_insert_before(old_node, new_node);
  cmark_node_unlink(old_node);
  cmark_node_free(old_node);
}

// Raw HTML becomes visible text; links that are not http/https/mailto lose their link; images
// (which would be fetched from the network) become links to where they were.
void make_safe(cmark_node* root) {
  std::vector<cmark_node*> nodes;
  cmark_iter* iter = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(iter);
    if (ev != CMARK_EVENT_ENTER) continue;
    auto type = cmark_node_get_type(n);
    if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE ||
        type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
      nodes.push_back(n);
    }
  }
  cmark_iter_free(iter);
  // Innermost first, so no node is touched after an ancestor was freed.
  for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
    cmark_node* n = *it;
    auto type = cmark_node_get_type(n);
    if (type == CMARK_NODE_HTML_INLINE) {
      const char* literal = cmark_node_get_literal(n);
      replace_node(n, text_node(literal ? literal : ""));
    } else if (type == CMARK_NODE_HTML_BLOCK) {
      std::string literal = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
      while (!literal.empty() && literal.back() == '\n') literal.pop_back();
      cmark_node* para = cmark_node_new(CMARK_NODE_PARAGRAPH);
      size_t start = 0;
      while (true) {
        size_t nl = literal.find('\n', start);
        cmark_node_append_child(para, text_node(literal.substr(start, nl - start)));
        if (nl == std::string::npos) break;
        cmark_node_append_child(para, cmark_node_new(CMARK_NODE_LINEBREAK));
        start = nl + 1;
      }
      replace_node(n, para);
    } else if (type == CMARK_NODE_LINK) {
      const char* url_c = cmark_node_get_url(n);
      std::string url = url_c ? url_c : "";
      if (is_safe_link(url)) continue;
      std::string visible = plain_literal(n);
      while (cmark_node* child = cmark_node_first_child(n)) cmark_node_insert_before(n, child);
      if (!url.empty() && url != visible) cmark_node_insert_before(n, text_node(" (" + url + ")"));
      cmark_node_unlink(n);
      cmark_node_free(n);
    } else if (type == CMARK_NODE_IMAGE) {
      const char* url_c = cmark_node_get_url(n);
      std::string url = url_c ? url_c : "";
      std::string alt = plain_literal(n);
      std::string label = "🖼 " + (alt.empty() ? std::string("image") : alt);
      if (is_safe_link(url)) {
        cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
        cmark_node_set_url(link, url.c_str());
        cmark_node_append_child(link, text_node(label));
        replace_node(n, link);
      } else {
        replace_node(n, text_node("[" + label + "]"));
      }
    }
  }
}

void append_math(std::string& out, const Math& math) {
  out += math.display ? "<span class=\"math display\" data-tex=\""
                      : "<span class=\"math inline\" data-tex=\"";
  append_escaped(out, math.tex);
  out += "\">";
  append_escaped(out, math.source);
  out += "</span>";
}

// Puts the math back. Inside code, or inside a tag (an attribute), a token becomes the source
// text again: math is only rendered in running text.
MarkdownHtml restore_math(const std::string& html, const std::vector<Math>& math) {
  MarkdownHtml out;
  out.html.reserve(html.size());
  bool in_tag = false;
  int code_depth = 0;
  for (size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (c == '<') {
      in_tag = true;
      if (html.compare(i, 5, "<code") == 0) ++code_depth;
      if (html.compare(i, 7, "</code>") == 0 && code_depth > 0) --code_depth;
    } else if (c == '>') {
      in_tag = false;
    }
    if (c != kTokenStart) {
      if (c != kTokenEnd) out.html += c;
      continue;
    }
    size_t end = html.find(kTokenEnd, i);
    size_t index = math.size();
    if (end != std::string::npos && end > i + 1 && end - i < 12) {
      index = 0;
      for (size_t k = i + 1; k < end; ++k) index = index * 10 + static_cast<size_t>(html[k] - '0');
    }
    if (index >= math.size()) continue;  // cannot happen: control bytes are removed from input
    if (in_tag || code_depth > 0) {
      append_escaped(out.html, math[index].source);
    } else {
      append_math(out.html, math[index]);
      out.has_math = true;
    }
    i = end;
  }
  return out;
}

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

}  // namespace

MarkdownHtml markdown_to_html(std::string_view markdown) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });

  // No CMARK_OPT_UNSAFE: cmark itself drops raw HTML and dangerous URLs; make_safe goes further.
  const int options =
      CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_GITHUB_PRE_LANG | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
  Extracted extracted = extract_math(markdown);
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(options));
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  cmark_parser_feed(parser.get(), extracted.text.data(), extracted.text.size());
  std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser.get()));
  make_safe(doc.get());
  char* rendered =
      cmark_render_html(doc.get(), options, cmark_parser_get_syntax_extensions(parser.get()));
  std::string html = rendered ? rendered : "";
  free(rendered);
  return restore_math(html, extracted.math);
}

std::string plain_text_html(std::string_view text) {
  std::string out = "<div class=\"plain\">";
  append_escaped(out, text);
  out += "</div>";
  return out;
}

}  // namespace afterglow::viewer
