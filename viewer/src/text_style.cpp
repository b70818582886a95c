#include "afterglow/viewer/text_style.h"

#include <cstdio>

#include "afterglow/i18n/translate.h"
#include "afterglow/model/local_time.h"
#include "afterglow/viewer/terminal_text.h"

namespace afterglow::viewer {
namespace {

// The styled text is made inert first: its own escapes are the only ones that reach the terminal.
std::string wrap(bool enabled, const char* code, std::string_view s) {
  if (!enabled) return terminal_text(s);
  return std::string("\x1b[") + code + "m" + terminal_text(s) + "\x1b[0m";
}

}  // namespace

std::string Style::bold(std::string_view s) const { return wrap(enabled, "1", s); }
std::string Style::dim(std::string_view s) const { return wrap(enabled, "2", s); }
std::string Style::accent(std::string_view s) const { return wrap(enabled, "1;36", s); }

std::string human_size(int64_t bytes) {
  if (bytes < 0) return "size unknown";
  char buf[32];
  if (bytes < 1024) {
    std::snprintf(buf, sizeof buf, "%lld B", static_cast<long long>(bytes));
  } else if (bytes < 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%.1f KB", bytes / 1024.0);
  } else if (bytes < 1024LL * 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%.1f MB", bytes / (1024.0 * 1024));
  } else {
    std::snprintf(buf, sizeof buf, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
  }
  return buf;
}

std::string local_datetime(const std::optional<double>& epoch_seconds) {
  if (!epoch_seconds) return i18n::_("unknown time");
  return model::format_local(*epoch_seconds, "%Y-%m-%d %H:%M");
}

}  // namespace afterglow::viewer
