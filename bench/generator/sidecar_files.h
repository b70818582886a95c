// The small files beside the conversations in an export: user.json, the 2026 manifest and
// asset-name map, and the usually-empty lists (feedback, shared conversations, group chats).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "generator/export_generator.h"

namespace afterglow::bench {

struct SidecarFile {
  std::string name;
  std::string content;
};

struct ShardInfo {
  std::string name;
  std::uint64_t size_bytes;
};

std::string user_json(const std::string& user_id, std::uint64_t seed);
// export_manifest.json: LibreChat's {version, logical_files{…{files, sharded}}} plus the
// export_files list with sizes seen in another 2026 sample.
std::string export_manifest_json(const std::vector<ShardInfo>& shards);
// conversation_asset_file_names.json: {"file_….dat": "original name"}.
std::string asset_file_names_json(const std::vector<std::pair<std::string, std::string>>& names);
// The remaining small files of a layout, ready to add to the zip.
std::vector<SidecarFile> empty_sidecars(Layout layout);

}  // namespace afterglow::bench
