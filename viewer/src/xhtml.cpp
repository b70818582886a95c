// A small tokeniser, not a full HTML parser: its input is the renderer's own output (and
// cmark-gfm's inside it), which quotes its attributes and escapes its text; what it repairs is
// what HTML allows and XML does not, and a stray or missing end tag, so that the result is
// well-formed whatever a message held.
#include "afterglow/viewer/xhtml.h"

#include <algorithm>
#include <array>
#include <set>
#include <vector>

#include "afterglow/text/case.h"

namespace afterglow::viewer {
namespace {

constexpr std::array<std::string_view, 14> kVoidElements = {
    "area",  "base", "br",   "col",   "embed",  "hr",    "img",
    "input", "link", "meta", "param", "source", "track", "wbr"};

bool is_void(std::string_view name) {
  return std::find(kVoidElements.begin(), kVoidElements.end(), name) != kVoidElements.end();
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == ':' || c == '.';
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The length of a character reference XML accepts at `at` ("&amp;", "&#39;", "&#x1F600;"), or 0.
size_t xml_reference_length(std::string_view s, size_t at) {
  size_t end = s.find(';', at);
  if (end == std::string_view::npos || end - at > 12) return 0;
  std::string_view body = s.substr(at + 1, end - at - 1);
  if (body == "amp" || body == "lt" || body == "gt" || body == "quot" || body == "apos") {
    return end - at + 1;
  }
  if (body.size() < 2 || body[0] != '#') return 0;
  const bool hex = body[1] == 'x' || body[1] == 'X';
  std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty()) return 0;
  for (char c : digits) {
    bool ok = (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
    if (!ok) return 0;
  }
  return end - at + 1;
}

// Text or an attribute value: '&' that begins no reference XML knows ("&nbsp;" is HTML's
// only) is escaped, as are '<' and, in attributes, '"'; control characters XML forbids go.
void append_text(std::string& out, std::string_view s, bool attribute) {
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '&') {
      if (s.compare(i, 6, "&nbsp;") == 0) {
        out += "&#160;";
        i += 5;
      } else if (size_t n = xml_reference_length(s, i); n > 0) {
        out.append(s.substr(i, n));
        i += n - 1;
      } else {
        out += "&amp;";
      }
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '"' && attribute) {
      out += "&quot;";
    } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      continue;
    } else {
      out += c;
    }
  }
}

struct Tag {
  std::string name;
  bool end = false;
  bool self_closing = false;
  std::vector<std::pair<std::string, std::string>> attributes;
};

// Reads the tag starting at s[at] == '<'; returns where it ends (one past '>'), or npos when
// this '<' begins no tag (it is then text).
size_t read_tag(std::string_view s, size_t at, Tag& tag) {
  size_t i = at + 1;
  if (i < s.size() && s[i] == '/') {
    tag.end = true;
    ++i;
  }
  const size_t name_start = i;
  const bool letter =
      i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'));
  if (!letter) return std::string_view::npos;  // "<3", "< 2": text
  while (i < s.size() && is_name_char(s[i])) ++i;
  if (i == name_start) return std::string_view::npos;
  tag.name = text::to_lower_ascii(s.substr(name_start, i - name_start));
  std::set<std::string> seen;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size()) return std::string_view::npos;
    if (s[i] == '>') return i + 1;
    if (s[i] == '/') {
      tag.self_closing = true;
      ++i;
      continue;
    }
    const size_t attr_start = i;
    while (i < s.size() && !is_space(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/') ++i;
    std::string name = text::to_lower_ascii(s.substr(attr_start, i - attr_start));
    while (i < s.size() && is_space(s[i])) ++i;
    std::string value;
    bool has_value = false;
    if (i < s.size() && s[i] == '=') {
      has_value = true;
      ++i;
      while (i < s.size() && is_space(s[i])) ++i;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        const char quote = s[i];
        const size_t close = s.find(quote, i + 1);
        if (close == std::string_view::npos) return std::string_view::npos;
        value = std::string(s.substr(i + 1, close - i - 1));
        i = close + 1;
      } else {
        const size_t value_start = i;
        while (i < s.size() && !is_space(s[i]) && s[i] != '>') ++i;
        value = std::string(s.substr(value_start, i - value_start));
      }
    }
    const bool valid = !name.empty() && std::all_of(name.begin(), name.end(), is_name_char) &&
                       !(name[0] >= '0' && name[0] <= '9') && name[0] != '-' && name[0] != '.';
    // Event handlers are scripts; a repeated attribute is an XML error (HTML keeps the first).
    if (!valid || name.starts_with("on") || !seen.insert(name).second) continue;
    tag.attributes.emplace_back(std::move(name), has_value ? std::move(value) : std::string());
    if (!has_value) tag.attributes.back().second = tag.attributes.back().first;  // hidden="hidden"
  }
  return std::string_view::npos;
}

// What HTML readers accept and EPUB's validator does not: cmark-gfm names a code block's
// programming language in `lang` (which must be a human language's tag) and aligns table cells
// with `align` (gone from HTML5).
void modernise(const std::string& element, std::string& name, std::string& value) {
  if (element == "pre" && name == "lang") {
    name = "data-lang";
  } else if ((element == "td" || element == "th") && name == "align") {
    name = "style";
    value = "text-align: " + value;
  }
}

}  // namespace

std::string html_to_xhtml(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 16);
  std::vector<std::string> open;
  size_t i = 0;
  while (i < s.size()) {
    const size_t lt = s.find('<', i);
    append_text(out, s.substr(i, lt == std::string_view::npos ? s.size() - i : lt - i), false);
    if (lt == std::string_view::npos) break;
    i = lt;
    if (s.compare(i, 4, "<!--") == 0) {
      // Comments carry nothing a reader shows; XML forbids "--" inside one, so they go.
      const size_t end = s.find("-->", i + 4);
      i = end == std::string_view::npos ? s.size() : end + 3;
      continue;
    }
    if (s.compare(i, 2, "<!") == 0 || s.compare(i, 2, "<?") == 0) {
      const size_t end = s.find('>', i);
      i = end == std::string_view::npos ? s.size() : end + 1;
      continue;
    }
    Tag tag;
    const size_t end = read_tag(s, i, tag);
    if (end == std::string_view::npos) {
      out += "&lt;";
      ++i;
      continue;
    }
    i = end;
    if (tag.name == "script" && !tag.end) {
      const size_t close = s.find("</script", i);
      i = close == std::string_view::npos ? s.size() : s.find('>', close);
      i = i == std::string_view::npos ? s.size() : i + 1;
      continue;
    }
    if (tag.end) {
      if (is_void(tag.name)) continue;
      auto match = std::find(open.rbegin(), open.rend(), tag.name);
      if (match == open.rend()) continue;  // closes nothing open: dropped
      // Elements left open inside it are closed first, as HTML closes them implicitly.
      while (open.back() != tag.name) {
        out += "</" + open.back() + ">";
        open.pop_back();
      }
      out += "</" + tag.name + ">";
      open.pop_back();
      continue;
    }
    out += "<" + tag.name;
    for (auto& [name, value] : tag.attributes) {
      modernise(tag.name, name, value);
      out += " " + name + "=\"";
      append_text(out, value, true);
      out += "\"";
    }
    if (is_void(tag.name) || tag.self_closing) {
      out += "/>";
    } else {
      out += ">";
      open.push_back(tag.name);
    }
  }
  while (!open.empty()) {
    out += "</" + open.back() + ">";
    open.pop_back();
  }
  return out;
}

}  // namespace afterglow::viewer
