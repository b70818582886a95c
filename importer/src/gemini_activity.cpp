#include "gemini_activity.h"

#include <simdjson.h>

#include <cctype>

#include "afterglow/model/errors.h"
#include "dom_access.h"
#include "html_markdown.h"
#include "iso_time.h"
#include "json_splitter.h"
#include "json_text.h"

namespace afterglow::importer {

namespace {

// The verbs of the other records, and the kind each is counted as.
struct OtherVerb {
  std::string_view start;
  const char* kind;
};
constexpr OtherVerb kOtherVerbs[] = {
    {"Gave feedback", "feedback"}, {"Rated", "feedback"}, {"Created", "canvas"},
    {"Edited", "canvas"},          {"Shared", "canvas"},  {"Used", "used"},
    {"Selected", "draft"},
};

std::string joined_html(Json record) {
  std::string html;
  if (auto items = array_field(record, "safeHtmlItem")) {
    for (Json item : *items) {
      const std::string part = text_field(item, "html");
      if (part.empty()) continue;
      if (!html.empty()) html += "\n";
      html += part;
    }
  }
  return html;
}

// The Gem a record was asked in: a subtitle or detail named "Gem: <name>".
std::string gem_of(Json record) {
  for (const char* key : {"subtitles", "details"}) {
    auto entries = array_field(record, key);
    if (!entries) continue;
    for (Json entry : *entries) {
      const std::string name = text_field(entry, "name");
      if (starts_with(name, "Gem: ")) return std::string(trim_whitespace(name.substr(5)));
    }
  }
  return {};
}

std::string app_of(Json record) {
  if (auto entries = array_field(record, "details")) {
    for (Json entry : *entries) {
      for (const char* key : {"name", "url"}) {
        if (auto id = app_id_of(text_field(entry, key)); !id.empty()) return id;
      }
    }
  }
  return app_id_of(text_field(record, "titleUrl"));
}

model::Attachment attachment_named(std::string name) {
  model::Attachment attachment;
  const std::string lower = to_lower_ascii(name);
  attachment.kind = model::AttachmentKind::file;
  for (const char* ext : {".png", ".jpg", ".jpeg", ".gif", ".webp", ".heic", ".bmp"}) {
    if (ends_with(lower, ext)) attachment.kind = model::AttachmentKind::image;
  }
  attachment.pointer = name;
  attachment.file_id = name;
  attachment.name = std::move(name);
  return attachment;
}

// Uploads are named by the files Takeout puts beside the JSON: "imageFile": "a.jpg",
// "attachedFiles": ["b.pdf"] (strings, or objects with a name).
void add_attachments(Json record, ActivityRecord& out) {
  if (const std::string image = text_field(record, "imageFile"); !image.empty()) {
    out.attachments.push_back(attachment_named(image));
    out.attachments.back().kind = model::AttachmentKind::image;
  }
  if (auto files = array_field(record, "attachedFiles")) {
    for (Json file : *files) {
      std::string name = text_of(file);
      if (name.empty()) name = text_field(file, "name");
      if (!name.empty()) out.attachments.push_back(attachment_named(std::move(name)));
    }
  }
}

model::BrokenConversation broken_record(const std::string& file, size_t index, std::string title,
                                        std::string reason, std::string raw) {
  model::BrokenConversation broken;
  broken.file = file;
  broken.index = index;
  broken.title = std::move(title);
  broken.reason = std::move(reason);
  broken.raw_json = std::move(raw);
  return broken;
}

}  // namespace

std::string app_id_of(std::string_view url) {
  const size_t at = url.find("gemini.google.com/app/");
  if (at == std::string_view::npos) return {};
  std::string id;
  for (char c : url.substr(at + std::string_view("gemini.google.com/app/").size())) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') break;
    id += c;
  }
  return id;
}

TitleReading read_title(std::string_view title) {
  title = trim_whitespace(title);
  for (std::string_view verb : {"Prompted ", "Asked "}) {
    if (starts_with(title, verb)) {
      return {true, std::string(trim_whitespace(title.substr(verb.size())))};
    }
  }
  for (const auto& other : kOtherVerbs) {
    if (starts_with(title, other.start)) return {false, other.kind};
  }
  return {false, "other"};
}

ActivityFile read_activity_json(const std::string& where, const std::string& file,
                                const std::string& text) {
  ActivityFile out;
  simdjson::dom::parser parser;
  JsonArraySplitter splitter([&](std::string&& element, size_t index) {
    Json record;
    std::string repaired_text;
    bool repaired = false;
    if (parse_repairing(parser, element, record, repaired_text, repaired) || !record.is_object()) {
      out.broken.push_back(
          broken_record(file, index, {}, "not a JSON object (a damaged record)", element));
      return;
    }
    const std::string title = text_field(record, "title");
    const TitleReading reading = read_title(title);
    if (!reading.prompt) {
      ++out.others[reading.text];
      return;
    }
    const std::string time_text = text_field(record, "time");
    const auto time = parse_iso_time(time_text);
    if (!time) {
      out.broken.push_back(broken_record(
          file, index, title, "the time \"" + time_text + "\" is not a time", std::move(element)));
      return;
    }
    ActivityRecord r;
    r.index = index;
    r.prompt = reading.text;
    r.time = *time;
    const std::string html = joined_html(record);
    r.has_answer = field(record, "safeHtmlItem").has_value();
    r.answer = html_to_markdown(html);
    if (auto answer = field(record, "safeHtmlItem")) {
      r.answer_raw = "{\"safeHtmlItem\":" + json_text(*answer) + "}";
    }
    r.app = app_of(record);
    r.gem = gem_of(record);
    add_attachments(record, r);
    r.raw = std::move(element);
    out.prompts.push_back(std::move(r));
  });
  try {
    splitter.feed(text);
    splitter.finish();
  } catch (const JsonStructureError& e) {
    throw InputError(where + ": " + e.what(), ErrorCode::unreadable_json);
  }
  return out;
}

}  // namespace afterglow::importer
