// Takeout's HTML form of the activity log: each record is an "outer-cell" whose first
// "content-cell" holds the title, a <br>, the date in English ("Feb 2, 2026, 7:24:02 AM
// GMT+08:00"), a <br>, then the answer's HTML.
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include <memory>

#include "gemini_activity.h"
#include "html_markdown.h"
#include "json_text.h"
#include "takeout_time.h"

namespace afterglow::importer {

namespace {

std::string_view name_of(const xmlNode* node) {
  return node->name ? reinterpret_cast<const char*>(node->name) : "";
}

bool has_class(const xmlNode* node, std::string_view wanted) {
  if (node->type != XML_ELEMENT_NODE) return false;
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>("class"));
  if (!value) return false;
  const std::string classes(reinterpret_cast<const char*>(value));
  xmlFree(value);
  size_t at = 0;
  while (at < classes.size()) {
    const size_t end = std::min(classes.find(' ', at), classes.size());
    if (std::string_view(classes).substr(at, end - at) == wanted) return true;
    at = end + 1;
  }
  return false;
}

// The next node of a walk through the tree under `top`, children first unless `skip_children`.
const xmlNode* next_node(const xmlNode* at, const xmlNode* top, bool skip_children) {
  if (!skip_children && at->children) return at->children;
  while (at && at != top && !at->next) at = at->parent;
  return at && at != top ? at->next : nullptr;
}

const xmlNode* first_with_class(const xmlNode* top, std::string_view wanted) {
  for (const xmlNode* at = top->children; at; at = next_node(at, top, false)) {
    if (has_class(at, wanted)) return at;
  }
  return nullptr;
}

std::string text_under(const xmlNode* node) {
  if (node->type == XML_TEXT_NODE) {
    return node->content ? reinterpret_cast<const char*>(node->content) : "";
  }
  if (node->type != XML_ELEMENT_NODE) return {};
  xmlChar* content = xmlNodeGetContent(node);
  if (!content) return {};
  std::string out(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return out;
}

std::string link_app(const xmlNode* top) {
  for (const xmlNode* at = top->children; at; at = next_node(at, top, false)) {
    if (at->type != XML_ELEMENT_NODE || name_of(at) != "a") continue;
    xmlChar* href = xmlGetProp(at, reinterpret_cast<const xmlChar*>("href"));
    if (!href) continue;
    std::string id = app_id_of(reinterpret_cast<const char*>(href));
    xmlFree(href);
    if (!id.empty()) return id;
  }
  return {};
}

std::string html_of(xmlDoc* doc, const xmlNode* node) {
  std::unique_ptr<xmlBuffer, void (*)(xmlBuffer*)> buffer(xmlBufferCreate(), xmlBufferFree);
  htmlNodeDump(buffer.get(), doc, const_cast<xmlNode*>(node));
  return reinterpret_cast<const char*>(xmlBufferContent(buffer.get()));
}

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

// One line of the content cell: its nodes up to the next <br>.
struct Segment {
  std::string text;
  const xmlNode* after = nullptr;  // the first node after the <br> that ends it
};

std::vector<Segment> segments_of(const xmlNode* cell) {
  std::vector<Segment> segments(1);
  for (const xmlNode* at = cell->children; at; at = at->next) {
    if (at->type == XML_ELEMENT_NODE && name_of(at) == "br") {
      segments.back().after = at->next;
      segments.emplace_back();
      continue;
    }
    // The answer's own blocks start after the date; they end the lines of the head.
    if (at->type == XML_ELEMENT_NODE && name_of(at) != "a" && name_of(at) != "span" &&
        name_of(at) != "b" && name_of(at) != "i") {
      break;
    }
    segments.back().text += text_under(at);
  }
  return segments;
}

}  // namespace

ActivityFile read_activity_html(const std::string& file, const std::string& text) {
  ActivityFile out;
  std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(
      text.data(), static_cast<int>(text.size()), nullptr, "UTF-8",
      HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED));
  if (!doc) return out;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  size_t index = 0;
  for (const xmlNode* at = root; at;) {
    if (!has_class(at, "outer-cell")) {
      at = next_node(at, nullptr, false);
      continue;
    }
    const xmlNode* cell = at;
    at = next_node(at, nullptr, true);
    const size_t position = index++;
    const std::string raw = "{\"html\":" + json_quote(html_of(doc.get(), cell)) + "}";
    const xmlNode* header = first_with_class(cell, "header-cell");
    const std::string product =
        header ? std::string(trim_whitespace(text_under(header))) : std::string();
    const xmlNode* content = first_with_class(cell, "content-cell");
    if (!content || (product != "Gemini Apps" && product != "Bard")) {
      ++out.others["other"];
      continue;
    }
    const std::vector<Segment> segments = segments_of(content);
    // The date is the first line after the title that reads as one: a prompt may hold breaks.
    size_t date = 0;
    std::optional<double> time;
    for (size_t i = 1; i < segments.size() && !time; ++i) {
      time = parse_takeout_time(trim_whitespace(segments[i].text));
      if (time) date = i;
    }
    std::string title;
    for (size_t i = 0; i < (time ? date : 1); ++i) {
      if (i) title += "\n";
      title += std::string(trim_whitespace(segments[i].text));
    }
    const TitleReading reading = read_title(title);
    if (!reading.prompt) {
      ++out.others[reading.text];
      continue;
    }
    if (!time) {
      model::BrokenConversation broken;
      broken.file = file;
      broken.index = position;
      broken.title = title;
      broken.reason =
          segments.size() > 1
              ? "the time \"" + std::string(trim_whitespace(segments[1].text)) + "\" is not a time"
              : "no time";
      broken.raw_json = raw;
      out.broken.push_back(std::move(broken));
      continue;
    }
    ActivityRecord record;
    record.index = position;
    record.prompt = reading.text;
    record.time = *time;
    if (const xmlNode* answer = segments[date].after) {
      record.answer = nodes_to_markdown(answer);
      std::string answer_html;
      for (const xmlNode* node = answer; node; node = node->next) {
        answer_html += html_of(doc.get(), node);
      }
      record.answer_raw = "{\"html\":" + json_quote(answer_html) + "}";
    }
    record.has_answer = !record.answer.empty();
    record.app = link_app(cell);
    record.raw = raw;
    out.prompts.push_back(std::move(record));
  }
  return out;
}

}  // namespace afterglow::importer
