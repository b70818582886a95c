// Paths from UTF-8 text and back, the same on every platform. All text in afterglow is UTF-8
// (arguments, archive data, names); std::filesystem::path(std::string) would read it in the C
// library's locale instead, which on Windows is the ANSI code page (GBK on a Chinese system), and
// turn 我的导出 into other characters. Any path made from text is made here.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace afterglow {

inline std::filesystem::path utf8_path(std::string_view text) {
  return std::filesystem::path(
      std::u8string_view(reinterpret_cast<const char8_t*>(text.data()), text.size()));
}

inline std::string utf8_string(const std::filesystem::path& path) {
  const std::u8string text = path.u8string();
  return std::string(text.begin(), text.end());
}

}  // namespace afterglow
