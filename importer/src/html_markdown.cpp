#include "html_markdown.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include "json_text.h"

namespace afterglow::importer {

namespace {

// Past this depth of elements a tree is read as plain text: no answer nests that deep, and a
// hostile one must not exhaust the stack.
constexpr int kMaxDepth = 64;

std::string_view name_of(const xmlNode* node) {
  return node->name ? reinterpret_cast<const char*>(node->name) : "";
}

std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements whose content is not text a person wrote or was answered with.
bool dropped(std::string_view name) {
  return is_one_of(
      name, {"script",   "style", "noscript", "template", "iframe", "object", "embed", "head",
             "title",    "meta",  "link",     "svg",      "math",   "button", "input", "select",
             "textarea", "form",  "canvas",   "audio",    "video",  "source"});
}

bool block(std::string_view name) {
  return is_one_of(name, {"p",     "div", "section", "article",    "header",  "footer",  "main",
                          "aside", "nav", "figure",  "figcaption", "address", "details", "summary",
                          "dl",    "dt",  "dd",      "body",       "html",    "center"});
}

// The text of a subtree, read without recursion (for trees past kMaxDepth).
std::string flat_text(const xmlNode* node) {
  std::string out;
  const xmlNode* at = node->children;
  while (at && at != node) {
    if (at->type == XML_TEXT_NODE || at->type == XML_CDATA_SECTION_NODE) {
      if (at->content) out += reinterpret_cast<const char*>(at->content);
    }
    if (at->type == XML_ELEMENT_NODE && at->children && !dropped(name_of(at))) {
      at = at->children;
      continue;
    }
    while (at && at != node && !at->next) at = at->parent;
    if (at && at != node) at = at->next;
  }
  return out;
}

// Builds Markdown: text with its white space collapsed as HTML does, blocks apart by a blank
// line, and nothing that a Markdown reader would take as markup of its own.
class Out {
 public:
  // Text of the page: runs of white space are one space; '<' that could open a tag is escaped.
  void text(std::string_view t) {
    for (size_t i = 0; i < t.size(); ++i) {
      const char c = t[i];
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        space_ = true;
        continue;
      }
      begin_content();
      if (c == '<' && i + 1 < t.size() &&
          (std::isalpha(static_cast<unsigned char>(t[i + 1])) || t[i + 1] == '/' ||
           t[i + 1] == '!' || t[i + 1] == '?')) {
        out_ += '\\';
      }
      out_ += c;
    }
  }
  // Markdown of its own (markers, a rendered element), written as it is.
  void raw(std::string_view t) {
    if (t.empty()) return;
    begin_content();
    out_ += t;
  }
  void blank_line() {
    breaks_ = std::max(breaks_, 2);
    space_ = false;
  }
  void line_break() {
    if (out_.empty()) return;
    out_ += "  \n";
    breaks_ = 0;
    space_ = false;
    line_start_ = true;
  }
  std::string take() {
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\n')) out_.pop_back();
    return std::move(out_);
  }

 private:
  void begin_content() {
    if (breaks_ > 0 && !out_.empty()) {
      while (!out_.empty() && out_.back() == ' ') out_.pop_back();
      while (!out_.empty() && out_.back() == '\n') out_.pop_back();
      out_.append(static_cast<size_t>(breaks_), '\n');
      line_start_ = true;
    }
    if (space_ && !line_start_ && !out_.empty()) out_ += ' ';
    breaks_ = 0;
    space_ = false;
    line_start_ = false;
  }

  std::string out_;
  int breaks_ = 0;
  bool space_ = false;
  bool line_start_ = true;
};

std::string trim(std::string text) {
  const std::string_view view = trim_whitespace(text);
  return std::string(view);
}

// `text` on one line (a table cell, a link's words).
std::string one_line(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      if (!out.empty()) out += ' ';
    } else {
      out += c;
    }
  }
  return trim(std::move(out));
}

// Each line after the first indented by `indent`; blank lines stay empty.
std::string indented(const std::string& text, std::string_view first, std::string_view rest) {
  std::string out(first);
  for (size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] != '\n') out += rest;
  }
  return out;
}

// The longest run of `c` in `text`.
size_t longest_run(std::string_view text, char c) {
  size_t longest = 0, run = 0;
  for (char d : text) {
    run = d == c ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

std::string language_of(const xmlNode* node) {
  for (const xmlNode* at = node; at; at = at->children) {
    if (at->type != XML_ELEMENT_NODE) break;
    const std::string classes = attribute(at, "class");
    for (const char* prefix : {"language-", "lang-"}) {
      const size_t found = classes.find(prefix);
      if (found == std::string::npos) continue;
      std::string language;
      for (size_t i = found + std::string_view(prefix).size(); i < classes.size(); ++i) {
        const char c = classes[i];
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '#' && c != '-' &&
            c != '_') {
          break;
        }
        language += c;
      }
      return language;
    }
  }
  return {};
}

// A link's address as Markdown can hold it: no spaces, parentheses or angle brackets unescaped.
std::string link_target(std::string_view href) {
  std::string out;
  for (char c : href) {
    switch (c) {
      case ' ':
        out += "%20";
        break;
      case '(':
        out += "%28";
        break;
      case ')':
        out += "%29";
        break;
      case '<':
        out += "%3C";
        break;
      case '>':
        out += "%3E";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
  }
  return out;
}

class Converter {
 public:
  std::string blocks(const xmlNode* first, int depth) {
    Out out;
    for (const xmlNode* at = first; at; at = at->next) node(at, out, depth);
    return out.take();
  }

 private:
  std::string children(const xmlNode* parent, int depth) { return blocks(parent->children, depth); }

  void node(const xmlNode* at, Out& out, int depth) {
    if (at->type == XML_TEXT_NODE || at->type == XML_CDATA_SECTION_NODE) {
      if (at->content) out.text(reinterpret_cast<const char*>(at->content));
      return;
    }
    if (at->type != XML_ELEMENT_NODE) return;
    const std::string_view name = name_of(at);
    if (dropped(name)) return;
    if (depth > kMaxDepth) {
      out.text(flat_text(at));
      return;
    }
    if (name == "br") {
      out.line_break();
    } else if (name == "hr") {
      out.blank_line();
      out.raw("---");
      out.blank_line();
    } else if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
      const std::string heading = one_line(children(at, depth + 1));
      out.blank_line();
      if (!heading.empty())
        out.raw(std::string(static_cast<size_t>(name[1] - '0'), '#') + " " + heading);
      out.blank_line();
    } else if (name == "ul" || name == "ol") {
      list(at, name == "ol", out, depth);
    } else if (name == "li") {
      // An item outside a list: a list of one.
      out.blank_line();
      out.raw(indented(children(at, depth + 1), "- ", "  "));
      out.blank_line();
    } else if (name == "pre") {
      code_block(at, out);
    } else if (name == "code" || name == "kbd" || name == "samp" || name == "tt") {
      inline_code(at, out);
    } else if (name == "blockquote") {
      const std::string quoted = children(at, depth + 1);
      out.blank_line();
      if (!quoted.empty()) {
        std::string lines = "> ";
        for (char c : quoted) lines += c == '\n' ? std::string("\n> ") : std::string(1, c);
        out.raw(lines);
      }
      out.blank_line();
    } else if (name == "table") {
      table(at, out, depth);
    } else if (name == "a") {
      link(at, out, depth);
    } else if (name == "img") {
      image(at, out);
    } else if (name == "b" || name == "strong") {
      wrapped(at, "**", out, depth);
    } else if (name == "i" || name == "em" || name == "cite" || name == "var") {
      wrapped(at, "*", out, depth);
    } else if (name == "s" || name == "del" || name == "strike") {
      wrapped(at, "~~", out, depth);
    } else if (block(name)) {
      out.blank_line();
      for (const xmlNode* child = at->children; child; child = child->next) {
        node(child, out, depth + 1);
      }
      out.blank_line();
    } else {
      // span, font, sup, u, mark, …: their text, inline.
      for (const xmlNode* child = at->children; child; child = child->next) {
        node(child, out, depth + 1);
      }
    }
  }

  void wrapped(const xmlNode* at, std::string_view mark, Out& out, int depth) {
    const std::string inner = one_line(children(at, depth + 1));
    if (inner.empty()) return;
    out.raw(std::string(mark) + inner + std::string(mark));
  }

  void list(const xmlNode* at, bool ordered, Out& out, int depth) {
    long number = 1;
    if (ordered) {
      const std::string start = attribute(at, "start");
      if (!start.empty() && std::all_of(start.begin(), start.end(), ::isdigit) &&
          start.size() < 9) {
        number = std::stol(start);
      }
    }
    std::string items;
    for (const xmlNode* child = at->children; child; child = child->next) {
      if (child->type != XML_ELEMENT_NODE) continue;
      const std::string_view child_name = name_of(child);
      std::string content;
      if (child_name == "li") {
        content = children(child, depth + 1);
      } else if (child_name == "ul" || child_name == "ol") {
        // A list directly inside a list (invalid, common): it belongs to the item before.
        Out nested;
        list(child, child_name == "ol", nested, depth + 1);
        const std::string inner = nested.take();
        if (!inner.empty()) items += indented("\n" + inner, "", ordered ? "   " : "  ");
        continue;
      } else {
        continue;
      }
      const std::string marker = ordered ? std::to_string(number++) + ". " : "- ";
      if (!items.empty()) items += '\n';
      items += indented(content, marker, std::string(marker.size(), ' '));
    }
    out.blank_line();
    out.raw(items);
    out.blank_line();
  }

  void code_block(const xmlNode* at, Out& out) {
    std::string code = flat_text(at);
    while (!code.empty() && code.back() == '\n') code.pop_back();
    const std::string fence(std::max<size_t>(3, longest_run(code, '`') + 1), '`');
    out.blank_line();
    out.raw(fence + language_of(at) + "\n" + code + "\n" + fence);
    out.blank_line();
  }

  void inline_code(const xmlNode* at, Out& out) {
    std::string code = one_line(flat_text(at));
    if (code.empty()) return;
    const std::string ticks(longest_run(code, '`') + 1, '`');
    const bool pad = code.front() == '`' || code.back() == '`';
    out.raw(ticks + (pad ? " " : "") + code + (pad ? " " : "") + ticks);
  }

  void link(const xmlNode* at, Out& out, int depth) {
    const std::string href = trim(attribute(at, "href"));
    std::string words = one_line(children(at, depth + 1));
    if (!safe_link(href)) {
      // The words stay; an address that would run something does not.
      if (!words.empty()) out.raw(words);
      return;
    }
    if (words.empty()) words = href;
    std::string escaped;
    for (char c : words) {
      if (c == '[' || c == ']') escaped += '\\';
      escaped += c;
    }
    out.raw("[" + escaped + "](" + link_target(href) + ")");
  }

  // A picture in an answer is a link to it: the reader never loads an address by itself.
  void image(const xmlNode* at, Out& out) {
    const std::string src = trim(attribute(at, "src"));
    std::string alt = one_line(attribute(at, "alt"));
    if (!safe_link(src) || starts_with(src, "mailto:")) {
      if (!alt.empty()) out.text(alt);
      return;
    }
    if (alt.empty()) alt = "image";
    out.raw("[" + alt + "](" + link_target(src) + ")");
  }

  void table(const xmlNode* at, Out& out, int depth) {
    std::vector<std::vector<std::string>> rows;
    collect_rows(at, rows, depth);
    size_t columns = 0;
    for (const auto& row : rows) columns = std::max(columns, row.size());
    out.blank_line();
    if (rows.empty() || columns == 0) return;
    std::string text;
    auto line = [&](const std::vector<std::string>& row) {
      text += '|';
      for (size_t i = 0; i < columns; ++i) text += ' ' + (i < row.size() ? row[i] : "") + " |";
      text += '\n';
    };
    line(rows[0]);
    text += '|';
    for (size_t i = 0; i < columns; ++i) text += " --- |";
    text += '\n';
    for (size_t i = 1; i < rows.size(); ++i) line(rows[i]);
    text.pop_back();
    out.raw(text);
    out.blank_line();
  }

  void collect_rows(const xmlNode* at, std::vector<std::vector<std::string>>& rows, int depth) {
    for (const xmlNode* child = at->children; child; child = child->next) {
      if (child->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = name_of(child);
      if (name == "tr") {
        std::vector<std::string> row;
        for (const xmlNode* cell = child->children; cell; cell = cell->next) {
          if (cell->type != XML_ELEMENT_NODE) continue;
          if (name_of(cell) != "td" && name_of(cell) != "th") continue;
          std::string escaped;
          for (char c : one_line(children(cell, depth + 1))) {
            if (c == '|') escaped += '\\';
            escaped += c;
          }
          row.push_back(std::move(escaped));
        }
        rows.push_back(std::move(row));
      } else if (is_one_of(name, {"thead", "tbody", "tfoot"}) && depth < kMaxDepth) {
        collect_rows(child, rows, depth + 1);
      }
    }
  }
};

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

}  // namespace

bool safe_link(std::string_view href) {
  const std::string lower = to_lower_ascii(std::string(trim_whitespace(href)));
  return starts_with(lower, "https://") || starts_with(lower, "http://") ||
         starts_with(lower, "mailto:");
}

std::string nodes_to_markdown(const _xmlNode* first) { return Converter().blocks(first, 0); }

std::string html_to_markdown(std::string_view html) {
  if (trim_whitespace(html).empty()) return {};
  // The fragment goes inside a page of its own so that its text is never taken for the head.
  const std::string page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" +
                           std::string(html) + "</body></html>";
  std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(
      page.data(), static_cast<int>(page.size()), nullptr, "UTF-8",
      HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | XML_PARSE_HUGE));
  if (!doc) return {};
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  for (const xmlNode* child = root ? root->children : nullptr; child; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && name_of(child) == "body") {
      return nodes_to_markdown(child->children);
    }
  }
  return {};
}

}  // namespace afterglow::importer
