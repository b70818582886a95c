// afterglow-genexport: writes a realistic, deterministic ChatGPT data export for benchmarks.
//   afterglow-genexport --seed 42 --size 600MB --layout sharded --out export.zip
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <optional>
#include <string>

#include "afterglow/model/errors.h"
#include "generator/export_generator.h"
#include "generator/size_text.h"

namespace {

std::string megabytes(std::uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  using afterglow::bench::Layout;
  CLI::App app{"Write a realistic, deterministic ChatGPT data export for benchmarks."};
  afterglow::bench::GeneratorOptions options;
  std::uint64_t conversations = 0;
  std::string size;
  std::string layout = "classic";
  std::string shard_size = "100MB";
  std::string out;
  std::string json_only;
  app.add_option("--seed", options.seed, "Seed: the same seed and size give the same bytes")
      ->capture_default_str();
  auto* count = app.add_option("--conversations", conversations, "Number of conversations");
  auto* bytes = app.add_option("--size", size,
                               "Bytes of conversation JSON to produce, e.g. 10MB, 600MB, 2GB");
  count->excludes(bytes);
  app.add_option("--layout", layout, "classic (conversations.json) or sharded (2026 layout)")
      ->check(CLI::IsMember({"classic", "sharded"}))
      ->capture_default_str();
  app.add_option("--shard-size", shard_size, "Sharded layout: largest shard")
      ->capture_default_str();
  app.add_option("--out", out, "The export zip to write");
  app.add_option("--json-only", json_only,
                 "Also (or instead) write all conversations as one bare JSON array here");
  app.add_option("--compression-level", options.compression_level, "Deflate level, 0-9")
      ->check(CLI::Range(0, 9))
      ->capture_default_str();
  app.add_option("--chinese-share", options.chinese_share,
                 "Share of conversations written in Chinese (a third of them with English terms)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  // libarchive writes zip times as local DOS time: pin the zone so bytes match everywhere.
  setenv("TZ", "UTC", 1);
  tzset();
  try {
    if (count->count() == 0 && bytes->count() == 0) {
      throw afterglow::Error("afterglow-genexport: give --conversations N or --size SIZE");
    }
    if (count->count() > 0) options.conversations = conversations;
    if (bytes->count() > 0) options.target_json_bytes = afterglow::bench::parse_size(size);
    options.layout = layout == "sharded" ? Layout::sharded : Layout::classic;
    options.shard_bytes = afterglow::bench::parse_size(shard_size);
    options.zip_path = out;
    options.json_path = json_only;
    const auto report = afterglow::bench::generate_export(options);
    std::cerr << "afterglow-genexport: seed " << options.seed << ", " << report.conversations
              << " conversations, " << report.messages << " messages, "
              << megabytes(report.json_bytes) << " of JSON";
    if (!report.shards.empty()) std::cerr << " in " << report.shards.size() << " shards";
    std::cerr << ", " << report.assets << " asset files (" << megabytes(report.asset_bytes) << ")";
    if (!out.empty()) std::cerr << ", zip " << megabytes(report.zip_bytes) << " -> " << out;
    if (!json_only.empty()) std::cerr << ", JSON -> " << json_only;
    std::cerr << "\n";
    return 0;
  } catch (const afterglow::Error& e) {
    std::cerr << "afterglow-genexport: " << e.what() << "\n";
    return 1;
  }
}
