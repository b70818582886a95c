#include "afterglow/viewer/html_assets.h"

namespace afterglow::viewer {

std::optional<std::string_view> embedded_asset(std::string_view name) {
  for (const auto& asset : embedded_assets()) {
    if (asset.name == name) return asset.bytes;
  }
  return std::nullopt;
}

bool math_renderer_available() { return embedded_asset("katex/katex.min.js").has_value(); }

}  // namespace afterglow::viewer
