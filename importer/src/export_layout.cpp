#include "export_layout.h"

#include <simdjson.h>

#include <cctype>

#include "json_text.h"

namespace afterglow::importer {

std::string_view base_name(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view dir_name(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

std::optional<int> conversation_file_number(std::string_view inner_path) {
  if (inner_path.find('/') != std::string_view::npos) return std::nullopt;
  if (inner_path == "conversations.json") return -1;
  constexpr std::string_view kPrefix = "conversations-";
  constexpr std::string_view kSuffix = ".json";
  if (!starts_with(inner_path, kPrefix) || !ends_with(inner_path, kSuffix)) return std::nullopt;
  std::string_view digits =
      inner_path.substr(kPrefix.size(), inner_path.size() - kPrefix.size() - kSuffix.size());
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  int number = 0;
  for (char c : digits) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    number = number * 10 + (c - '0');
  }
  return number;
}

bool conversation_file_before(std::string_view a, std::string_view b) {
  auto na = conversation_file_number(base_name(a));
  auto nb = conversation_file_number(base_name(b));
  if (na && nb && dir_name(a) == dir_name(b)) return *na < *nb;
  return a < b;
}

bool is_financial(std::string_view path) {
  size_t begin = 0;
  while (begin <= path.size()) {
    size_t end = path.find('/', begin);
    if (end == std::string_view::npos) break;  // the last component is the file name itself
    if (to_lower_ascii(path.substr(begin, end - begin)) == "financial") return true;
    begin = end + 1;
  }
  return false;
}

bool is_nested_export_zip(std::string_view inner_path, int nesting) {
  if (nesting > 0) return false;
  if (!ends_with(to_lower_ascii(inner_path), ".zip")) return false;
  std::string_view name = base_name(inner_path);
  return !starts_with(name, "file-") && !starts_with(name, "file_");
}

bool is_root_file(std::string_view inner_path, std::string_view name) { return inner_path == name; }

std::vector<std::string> manifest_conversation_files(std::string_view manifest_json) {
  std::vector<std::string> files;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(manifest_json.data(), manifest_json.size()).get(root)) return files;
  auto add = [&](std::string_view name) {
    if (conversation_file_number(base_name(name))) files.emplace_back(base_name(name));
  };
  // {logical_files: {"conversations.json": {files: [...], sharded: true}}}
  simdjson::dom::object logical;
  if (!root["logical_files"].get(logical)) {
    for (auto [key, entry] : logical) {
      if (key.find("conversations") == std::string_view::npos) continue;
      simdjson::dom::array list;
      if (entry["files"].get(list)) continue;
      for (auto item : list) {
        std::string_view name;
        if (!item.get(name)) add(name);
      }
    }
  }
  // {export_files: [{path, size_bytes}]}
  simdjson::dom::array export_files;
  if (!root["export_files"].get(export_files)) {
    for (auto item : export_files) {
      std::string_view name;
      if (!item["path"].get(name)) add(name);
    }
  }
  return files;
}

}  // namespace afterglow::importer
