#include "progress.h"

#include <cstdio>

namespace afterglow::cli {

void ProgressBar::update(const importer::Progress& p) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;  // redraw at most 10×/s
  last_ = now;
  constexpr int kWidth = 28;
  double fraction = p.bytes_total > 0 ? static_cast<double>(p.bytes_done) / p.bytes_total : 0;
  if (fraction > 1) fraction = 1;
  int filled = static_cast<int>(fraction * kWidth);
  std::string bar(filled, '#');
  bar.append(kWidth - filled, '-');
  std::fprintf(stderr, "\r\x1b[K[%s] %3d%%  %.1f / %.1f MB  %lld conversations", bar.c_str(),
               static_cast<int>(fraction * 100), p.bytes_done / 1e6, p.bytes_total / 1e6,
               static_cast<long long>(p.conversations));
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
