#include "progress.h"

#include <cstdio>

#include "afterglow/i18n/translate.h"

namespace afterglow::cli {

void ProgressBar::update(const pipeline::ImportProgress& p) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;  // redraw at most 10×/s
  last_ = now;
  if (p.phase == pipeline::ImportPhase::indexing) {
    std::fprintf(stderr, "\r\x1b[KIndexing for search: %lld / %lld messages",
                 static_cast<long long>(p.indexed), static_cast<long long>(p.index_total));
    std::fflush(stderr);
    drawn_ = true;
    return;
  }
  constexpr int kWidth = 28;
  double fraction = p.total_bytes > 0 ? static_cast<double>(p.bytes) / p.total_bytes : 0;
  if (fraction > 1) fraction = 1;
  int filled = static_cast<int>(fraction * kWidth);
  std::string bar(filled, '#');
  bar.append(kWidth - filled, '-');
  const auto conversations = static_cast<int64_t>(p.conversations);
  const std::string count = i18n::format(
      i18n::plural("{0} conversation", "{0} conversations", conversations), conversations);
  std::fprintf(stderr, "\r\x1b[K[%s] %3d%%  %.1f / %.1f MB  %s", bar.c_str(),
               static_cast<int>(fraction * 100), p.bytes / 1e6, p.total_bytes / 1e6, count.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::clear() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r\x1b[K");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace afterglow::cli
