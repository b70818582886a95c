#include "citations.h"

#include <cctype>
#include <map>

#include "afterglow/text/utf8.h"
#include "json_text.h"
#include "number_checks.h"

namespace afterglow::importer {

namespace {

constexpr std::string_view kOpen = "\xE3\x80\x90";    // 【
constexpr std::string_view kClose = "\xE3\x80\x91";   // 】
constexpr std::string_view kDagger = "\xE2\x80\xA0";  // †

struct Source {
  std::string title;
  std::string url;
  std::string snippet;
};

// Numbers sources 1, 2, 3... in order of first use; the same URL keeps its number.
class CitationList {
 public:
  explicit CitationList(std::vector<model::Citation>& out) : out_(out) {
    for (const auto& c : out_) by_url_[c.url] = c.number;
  }
  int number_for(const Source& source) {
    auto it = by_url_.find(source.url);
    if (it != by_url_.end() && !source.url.empty()) return it->second;
    model::Citation citation;
    citation.number = static_cast<int>(out_.size()) + 1;
    citation.title = source.title;
    citation.url = source.url;
    citation.snippet = source.snippet;
    out_.push_back(citation);
    if (!source.url.empty()) by_url_[source.url] = citation.number;
    return citation.number;
  }
  std::string link(const Source& source) {
    int number = number_for(source);
    return "[[" + std::to_string(number) + "]](" + source.url + ")";
  }

 private:
  std::vector<model::Citation>& out_;
  std::map<std::string, int> by_url_;
};

Source source_of(Json value) {
  Source source;
  source.title = text_field(value, "title");
  source.url = text_field(value, "url");
  source.snippet = text_field(value, "snippet");
  if (source.snippet.empty()) source.snippet = text_field(value, "text");
  return source;
}

using text::count_code_points;

struct OldCitation {
  std::optional<int64_t> start;  // a code point; unknown when the export's number is not one
  Source source;
};

struct Marker {
  size_t begin = 0;  // bytes
  size_t end = 0;
  size_t code_point = 0;
  int number = 0;
  bool has_sub_number = false;
  std::string title;  // for 【n†Title†domain】
  std::string domain;
};

// Parses "3:0†source" / "0†Title†domain" (the text between 【 and 】); false if not a citation.
bool parse_marker_body(std::string_view body, Marker& marker) {
  size_t i = 0;
  while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i]))) ++i;
  if (i == 0 || i > 6) return false;
  marker.number = std::stoi(std::string(body.substr(0, i)));
  if (i < body.size() && body[i] == ':') {
    size_t j = i + 1;
    while (j < body.size() && std::isdigit(static_cast<unsigned char>(body[j]))) ++j;
    if (j == i + 1) return false;
    marker.has_sub_number = true;
    i = j;
  }
  if (body.substr(i, kDagger.size()) != kDagger) return false;
  std::string_view rest = body.substr(i + kDagger.size());
  size_t dagger = rest.find(kDagger);
  if (dagger != std::string_view::npos) {
    marker.title = std::string(rest.substr(0, dagger));
    marker.domain = std::string(rest.substr(dagger + kDagger.size()));
  }
  return true;
}

std::vector<Marker> find_old_markers(const std::string& text) {
  std::vector<Marker> markers;
  size_t position = 0;
  size_t code_points = 0;
  while (true) {
    size_t open = text.find(kOpen, position);
    if (open == std::string::npos) break;
    code_points += count_code_points(std::string_view(text).substr(position, open - position));
    size_t close = text.find(kClose, open + kOpen.size());
    size_t next_open = text.find(kOpen, open + kOpen.size());
    Marker marker;
    std::string_view body;
    if (close != std::string::npos && (next_open == std::string::npos || close < next_open)) {
      body = std::string_view(text).substr(open + kOpen.size(), close - open - kOpen.size());
    }
    if (!body.empty() && body.size() < 1000 && parse_marker_body(body, marker)) {
      marker.begin = open;
      marker.end = close + kClose.size();
      marker.code_point = code_points;
      markers.push_back(marker);
      code_points += count_code_points(std::string_view(text).substr(open, marker.end - open));
      position = marker.end;
    } else {
      code_points += 1;
      position = open + kOpen.size();
    }
  }
  return markers;
}

void render_old_style(std::string& text, std::optional<Json> metadata, CitationList& list) {
  std::vector<Marker> markers = find_old_markers(text);
  if (markers.empty()) return;
  std::vector<OldCitation> cited;
  if (metadata) {
    if (auto array = array_field(*metadata, "citations")) {
      for (auto item : *array) {
        OldCitation citation;
        citation.start = whole_number(number_field(item, "start_ix"), int64_t{1} << 53);
        if (auto meta = field(item, "metadata")) citation.source = source_of(*meta);
        cited.push_back(citation);
      }
    }
  }
  std::vector<Source> listed;
  if (metadata) {
    if (auto cite = field(*metadata, "_cite_metadata")) {
      if (auto array = array_field(*cite, "metadata_list")) {
        for (auto item : *array) listed.push_back(source_of(item));
      }
    }
  }
  std::string out;
  out.reserve(text.size());
  size_t copied = 0;
  for (size_t k = 0; k < markers.size(); ++k) {
    const Marker& marker = markers[k];
    std::optional<Source> source;
    for (const auto& c : cited) {
      if (c.start && static_cast<uint64_t>(*c.start) == marker.code_point) source = c.source;
    }
    if (!source && cited.size() == markers.size()) source = cited[k].source;
    if (!source && !marker.has_sub_number && marker.number >= 0 &&
        static_cast<size_t>(marker.number) < listed.size()) {
      source = listed[static_cast<size_t>(marker.number)];
    }
    std::string replacement;
    if (!marker.title.empty()) {
      if (source && !source->url.empty()) {
        list.number_for(*source);
        replacement = "[" + marker.title + "](" + source->url + ")";
      } else {
        replacement = marker.title + (marker.domain.empty() ? "" : " (" + marker.domain + ")");
      }
    } else if (source && !source->url.empty()) {
      replacement = list.link(*source);
    }
    out.append(text, copied, marker.begin - copied);
    out += replacement;
    copied = marker.end;
  }
  out.append(text, copied, std::string::npos);
  text = std::move(out);
}

void render_new_style(std::string& text, std::optional<Json> metadata, CitationList& list) {
  if (!metadata) return;
  auto references = array_field(*metadata, "content_references");
  if (!references) return;
  size_t cursor = 0;
  for (auto reference : *references) {
    std::string matched = text_field(reference, "matched_text");
    // A sources footnote's matched_text is a lone space at the end of the answer: replacing
    // the first space found would glue words together, so blank matches are left alone.
    if (matched.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    size_t at = text.find(matched, cursor);
    if (at == std::string::npos) at = text.find(matched);
    if (at == std::string::npos) continue;
    std::string type = text_field(reference, "type");
    std::vector<Source> sources;
    if (type != "hidden" && type != "sources_footnote") {
      if (auto items = array_field(reference, "items")) {
        for (auto item : *items) {
          Source source = source_of(item);
          if (!source.url.empty()) sources.push_back(source);
        }
      }
      Source direct = source_of(reference);
      if (sources.empty() && !direct.url.empty()) sources.push_back(direct);
    }
    std::string replacement;
    if (!sources.empty()) {
      for (const auto& source : sources) replacement += list.link(source);
    } else if (type != "hidden") {
      replacement = text_field(reference, "alt");
    }
    text.replace(at, matched.size(), replacement);
    cursor = at + replacement.size();
  }
}

bool is_private_use_marker(std::string_view text, size_t i) {
  return i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xEE &&
         static_cast<unsigned char>(text[i + 1]) == 0x88 &&
         static_cast<unsigned char>(text[i + 2]) >= 0x80 &&
         static_cast<unsigned char>(text[i + 2]) <= 0x86;
}

}  // namespace

void strip_private_use_markers(std::string& text) {
  if (text.find("\xEE\x88") == std::string::npos) return;
  constexpr std::string_view kEntityStart = "\xEE\x88\x80";
  constexpr std::string_view kEntityEnd = "\xEE\x88\x81";
  // Entities such as "\ue200cite\ue202turn0search1\ue201" are machine tokens: drop them whole.
  constexpr size_t kLongestEntity = 512;
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (!is_private_use_marker(text, i)) {
      out += text[i++];
      continue;
    }
    if (std::string_view(text).substr(i, 3) == kEntityStart) {
      size_t end = text.find(kEntityEnd, i + 3);
      if (end != std::string::npos && end - i < kLongestEntity && text.find('\n', i) > end) {
        i = end + 3;
        continue;
      }
    }
    i += 3;  // a lone marker: drop just the marker
  }
  text = std::move(out);
}

void render_citations(std::string& text, std::optional<Json> metadata,
                      std::vector<model::Citation>& citations) {
  CitationList list(citations);
  render_new_style(text, metadata, list);
  render_old_style(text, metadata, list);
  strip_private_use_markers(text);
}

}  // namespace afterglow::importer
