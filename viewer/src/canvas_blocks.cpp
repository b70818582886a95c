#include "canvas_blocks.h"

namespace afterglow::viewer {

namespace {

constexpr std::string_view kOpen = ":::writing";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// `{variant="email" id="x" subject="Hello world"}`: values quoted or bare.
void read_attributes(std::string_view attributes, TextBlock& block) {
  size_t i = 0;
  while (i < attributes.size()) {
    while (i < attributes.size() && (attributes[i] == ' ' || attributes[i] == ',')) ++i;
    const size_t name_start = i;
    while (i < attributes.size() && attributes[i] != '=' && attributes[i] != ' ') ++i;
    std::string_view name = attributes.substr(name_start, i - name_start);
    if (i >= attributes.size() || attributes[i] != '=') {
      ++i;
      continue;
    }
    ++i;
    std::string value;
    if (i < attributes.size() && attributes[i] == '"') {
      ++i;
      while (i < attributes.size() && attributes[i] != '"') {
        if (attributes[i] == '\\' && i + 1 < attributes.size()) ++i;
        value += attributes[i++];
      }
      ++i;
    } else {
      while (i < attributes.size() && attributes[i] != ' ') value += attributes[i++];
    }
    if (name == "variant") block.variant = value;
    if (name == "id") block.id = value;
    if (name == "subject") block.subject = value;
  }
}

// An opening line: `:::writing{…}` and nothing after the closing brace.
bool opening(std::string_view line, TextBlock& block) {
  line = trim(line);
  if (line.substr(0, kOpen.size()) != kOpen) return false;
  std::string_view rest = line.substr(kOpen.size());
  if (rest.empty()) return true;
  if (rest.front() != '{' || rest.back() != '}') return false;
  read_attributes(rest.substr(1, rest.size() - 2), block);
  return true;
}

}  // namespace

bool has_canvas_blocks(std::string_view text) { return text.find(kOpen) != std::string_view::npos; }

std::vector<TextBlock> split_canvas_blocks(std::string_view text) {
  std::vector<TextBlock> blocks;
  if (!has_canvas_blocks(text)) {
    blocks.push_back(TextBlock{false, {}, {}, {}, std::string(text)});
    return blocks;
  }
  TextBlock current;
  auto flush = [&] {
    if (current.document || !trim(current.body).empty()) {
      while (!current.body.empty() && current.body.back() == '\n') current.body.pop_back();
      blocks.push_back(std::move(current));
    }
    current = TextBlock{};
  };
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    TextBlock opened;
    if (!current.document && opening(line, opened)) {
      flush();
      current = std::move(opened);
      current.document = true;
      if (current.variant.empty()) current.variant = "document";
    } else if (current.document && trim(line) == ":::") {
      flush();
    } else {
      current.body.append(line);
      current.body += '\n';
    }
    if (end == text.size()) break;
    pos = end + 1;
  }
  flush();
  return blocks;
}

}  // namespace afterglow::viewer
