// Small helpers for terminal output shared by every text renderer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace afterglow::viewer {

// ANSI styling that disappears when colour is off, so renderers have one code path. The text
// styled goes through terminal_text (terminal_text.h) either way: styling never lets a control
// character through.
struct Style {
  bool enabled = false;
  std::string bold(std::string_view s) const;
  std::string dim(std::string_view s) const;
  std::string accent(std::string_view s) const;  // roles, highlights
};

// "1.2 MB", "340 KB", "12 B".
std::string human_size(int64_t bytes);
// "2024-05-13 21:04" in local time, or "unknown time".
std::string local_datetime(const std::optional<double>& epoch_seconds);

}  // namespace afterglow::viewer
