// Tiny but real media files for the assets an export ships: a PNG a viewer can decode, a WAV a
// player can play, a WebP for DALL·E images. They are small on purpose: the benchmark measures
// handling of many assets, not the throughput of copying pixels.
#pragma once

#include <cstdint>
#include <string>

namespace afterglow::bench {

enum class MediaKind : std::uint8_t { png, wav, webp };

struct PngSize {
  int width;
  int height;
};

// The dimensions png_file(seed) will have, so pointers can describe the file they point to.
PngSize png_size(std::uint64_t seed);
// A small RGB gradient PNG whose colours and size depend on `seed`.
std::string png_file(std::uint64_t seed);
// A short 8 kHz mono 16-bit WAV tone whose length and pitch depend on `seed`.
std::string wav_file(std::uint64_t seed);
// A 1x1 lossless WebP.
std::string webp_file();

std::string media_file(MediaKind kind, std::uint64_t seed);

}  // namespace afterglow::bench
