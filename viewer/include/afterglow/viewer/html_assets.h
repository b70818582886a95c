// The files every HTML book and the local web reader ship: the stylesheet, the small book script
// and, when it was installed at build time, KaTeX. They are compiled into the binary
// (viewer/assets/embed_assets.cmake), so an installed afterglow needs no data files.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace afterglow::viewer {

struct EmbeddedAsset {
  std::string_view
      name;  // e.g. "book.css", "katex/katex.min.js", "katex/fonts/KaTeX_Main-Regular.woff2"
  std::string_view bytes;
};

std::span<const EmbeddedAsset> embedded_assets();
// The asset of that name, or nullopt.
std::optional<std::string_view> embedded_asset(std::string_view name);
// True when KaTeX was embedded: books then render math instead of showing its source.
bool math_renderer_available();

}  // namespace afterglow::viewer
