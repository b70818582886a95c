#include "asset_index.h"

#include <simdjson.h>

#include <limits>

#include "export_layout.h"
#include "json_text.h"
#include "message_content.h"
#include "mime.h"

namespace afterglow::importer {

std::string AssetIndex::id_of_name(std::string_view name) {
  if (starts_with(name, "file-") || starts_with(name, "file_")) {
    size_t end = name.find_first_of("-.", 5);
    return std::string(name.substr(0, end));
  }
  size_t dot = name.find('.');
  return std::string(name.substr(0, dot));
}

void AssetIndex::add_member(const std::string& path, std::string_view inner_path,
                            std::string sniffed) {
  size_t index = entries_.size();
  entries_.push_back({path, std::string(inner_path), std::move(sniffed)});
  std::string_view name = base_name(inner_path);
  by_id_[id_of_name(name)].push_back(index);
  by_name_[std::string(name)].push_back(index);
}

void AssetIndex::add_name_map(std::string_view json) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(json.data(), json.size()).get(root)) return;
  simdjson::dom::object map;
  if (root.get(map)) return;
  for (auto [member, value] : map) {
    std::string_view original;
    if (value.get(original)) {
      simdjson::dom::element name;
      if (value["name"].get(name) || name.get(original)) continue;
    }
    original_names_[std::string(base_name(member))] = std::string(original);
  }
}

void AssetIndex::add_html_assets(const std::map<std::string, std::string>& assets) {
  for (const auto& [pointer, name] : assets) html_assets_[pointer] = name;
}

// Lower is better: real names before .dat/.webp copies, then the places of section 6 in order.
int AssetIndex::rank(const Entry& entry, const std::string& id,
                     const std::string& conversation_id) const {
  std::string_view inner = entry.inner_path;
  std::string_view name = base_name(inner);
  std::string_view dir = dir_name(inner);
  std::string lower = to_lower_ascii(name);
  int place = 5;
  if (dir.empty()) {
    place = name == id + ".dat" ? 0 : 1;
  } else if (dir == "dalle-generations" || starts_with(dir, "user-")) {
    place = 2;
  } else if (ends_with(dir, "/audio")) {
    place = !conversation_id.empty() && starts_with(dir, conversation_id) ? 3 : 4;
  }
  bool opaque = ends_with(lower, ".dat") || ends_with(lower, ".webp");
  return (opaque ? 10 : 0) + place;
}

std::optional<model::ResolvedAsset> AssetIndex::resolve(const model::Attachment& attachment,
                                                        const std::string& conversation_id) const {
  std::string id =
      attachment.file_id.empty() ? pointer_file_id(attachment.pointer) : attachment.file_id;
  std::vector<size_t> candidates;
  if (!id.empty()) {
    if (auto it = by_id_.find(id); it != by_id_.end()) candidates = it->second;
    // The id may itself be a prefix ending in the middle of a name: match on the id boundary.
    if (candidates.empty()) {
      if (auto it = by_id_.find(id_of_name(id)); it != by_id_.end()) {
        for (size_t index : it->second) {
          std::string_view name = base_name(entries_[index].inner_path);
          if (starts_with(name, id) &&
              (name.size() == id.size() || name[id.size()] == '-' || name[id.size()] == '.')) {
            candidates.push_back(index);
          }
        }
      }
    }
  }
  if (candidates.empty()) {
    auto html = html_assets_.find(attachment.pointer);
    if (html == html_assets_.end() && !id.empty()) html = html_assets_.find(id);
    if (html != html_assets_.end()) {
      if (auto it = by_name_.find(std::string(base_name(html->second))); it != by_name_.end()) {
        candidates = it->second;
      }
    }
  }
  if (candidates.empty()) return std::nullopt;

  const Entry* best = nullptr;
  int best_rank = std::numeric_limits<int>::max();
  for (size_t index : candidates) {
    int r = rank(entries_[index], id, conversation_id);
    if (r < best_rank) best_rank = r, best = &entries_[index];
  }
  model::ResolvedAsset asset;
  asset.member = best->path;
  std::string member_name(base_name(best->inner_path));
  if (auto original = original_names_.find(member_name); original != original_names_.end()) {
    asset.name = original->second;
  }
  asset.mime = attachment.mime;
  if (asset.mime.empty() && !asset.name.empty()) asset.mime = mime_from_name(asset.name);
  if (asset.mime.empty()) asset.mime = mime_from_name(member_name);
  if (asset.mime.empty()) asset.mime = best->sniffed;
  return asset;
}

}  // namespace afterglow::importer
