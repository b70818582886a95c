#include "server_assets.h"

#include "afterglow/server/ids.h"
#include "afterglow/viewer/html_assets.h"

namespace afterglow::server {
namespace {

const char* mime_of(std::string_view name) {
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".woff2")) return "font/woff2";
  if (name.ends_with(".woff")) return "font/woff";
  if (name.ends_with(".ttf")) return "font/ttf";
  return "text/plain; charset=utf-8";
}

}  // namespace

std::optional<AssetFile> find_asset(std::string_view name) {
  if (!valid_asset_name(name)) return std::nullopt;
  for (const auto& asset : server_assets()) {
    if (asset.name == name) return AssetFile{asset.bytes, mime_of(name)};
  }
  if (auto bytes = viewer::embedded_asset(name)) return AssetFile{*bytes, mime_of(name)};
  return std::nullopt;
}

}  // namespace afterglow::server
