// afterglow's benchmark corpus: a deterministic generator of realistic ChatGPT data exports.
// Same options => byte-identical output. Conversation i depends only on (seed, layout, i), so a
// smaller export is a prefix of a bigger one with the same seed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace afterglow::bench {

enum class Layout {
  classic,  // one conversations.json, assets named file-<id>-<name> at the root (2023-2025)
  sharded,  // conversations-NNN.json + export_manifest.json, assets as file_<hex>.dat (2026)
};

struct GeneratorOptions {
  std::uint64_t seed = 42;
  // Exactly this many conversations; or, with target_json_bytes, as many as fill that many
  // bytes of conversation JSON (within a few percent). One of the two must be set.
  std::optional<std::uint64_t> conversations;
  std::optional<std::uint64_t> target_json_bytes;
  Layout layout = Layout::classic;
  std::filesystem::path zip_path;           // the export; empty: none
  std::filesystem::path json_path;          // all conversations as one bare JSON array; empty: none
  std::uint64_t shard_bytes = 100'000'000;  // sharded layout: a shard stops below this size
  int compression_level = 1;    // deflate level of the zip, 0-9: 1 keeps the zip writer fast
  double chinese_share = 0.45;  // of conversations, written in Chinese (see ExportShape)
};

struct GeneratorReport {
  std::uint64_t conversations = 0;
  std::uint64_t messages = 0;    // nodes that carry a message
  std::uint64_t json_bytes = 0;  // conversation JSON, as one array
  std::uint64_t assets = 0;      // files shipped for asset pointers
  std::uint64_t asset_bytes = 0;
  std::uint64_t zip_bytes = 0;
  std::vector<std::string> shards;  // sharded layout: the shard member names, in order
};

// Writes the export. Throws afterglow::Error on bad options or an output it cannot write.
GeneratorReport generate_export(const GeneratorOptions& options);

}  // namespace afterglow::bench
