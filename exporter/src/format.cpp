#include "afterglow/exporter/format.h"

#include <array>

namespace afterglow::exporter {
namespace {

constexpr std::array<Format, 7> all_formats = {Format::jsonl, Format::markdown, Format::obsidian,
                                               Format::html,  Format::chatgpt,  Format::epub,
                                               Format::packet};

}  // namespace

const char* to_string(Format format) {
  switch (format) {
    case Format::jsonl:
      return "jsonl";
    case Format::markdown:
      return "markdown";
    case Format::obsidian:
      return "obsidian";
    case Format::html:
      return "html";
    case Format::chatgpt:
      return "chatgpt";
    case Format::epub:
      return "epub";
    case Format::packet:
      break;
  }
  return "packet";
}

std::optional<Format> format_from_string(std::string_view name) {
  for (auto format : all_formats) {
    if (name == to_string(format)) return format;
  }
  return std::nullopt;
}

std::string format_names() {
  std::string names;
  for (auto format : all_formats) {
    if (!names.empty()) names += ", ";
    names += to_string(format);
  }
  return names;
}

bool writes_one_file(Format format) { return format == Format::jsonl || format == Format::epub; }

}  // namespace afterglow::exporter
