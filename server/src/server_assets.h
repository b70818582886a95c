// The files the reader's pages load from /assets/: its own stylesheet and script (server/assets,
// compiled in) and the book's (viewer/assets: the conversation styles, the version switcher,
// KaTeX). Looked up by name in tables, so no URL can reach the file system.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace afterglow::server {

struct ServerAsset {
  std::string_view name;
  std::string_view bytes;
};

// Generated from server/assets by embed_server_assets.cmake.
std::span<const ServerAsset> server_assets();

struct AssetFile {
  std::string_view bytes;
  const char* mime;
};

// The reader's file of that name, else the book's, else nullopt.
std::optional<AssetFile> find_asset(std::string_view name);

}  // namespace afterglow::server
