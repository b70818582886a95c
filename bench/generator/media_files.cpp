#include "generator/media_files.h"

#include <array>
#include <string_view>

namespace afterglow::bench {

namespace {

constexpr std::array<std::uint32_t, 256> make_crc_table() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t n = 0; n < 256; ++n) {
    std::uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[n] = c;
  }
  return table;
}
constexpr auto kCrcTable = make_crc_table();

std::uint32_t crc32(std::string_view bytes) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (const char ch : bytes) c = kCrcTable[(c ^ static_cast<unsigned char>(ch)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

std::uint32_t adler32(std::string_view bytes) {
  std::uint32_t a = 1;
  std::uint32_t b = 0;
  for (const char ch : bytes) {
    a = (a + static_cast<unsigned char>(ch)) % 65521;
    b = (b + a) % 65521;
  }
  return (b << 16) | a;
}

void put_be32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

void put_le(std::string& out, std::uint32_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

void png_chunk(std::string& out, std::string_view type, std::string_view data) {
  put_be32(out, static_cast<std::uint32_t>(data.size()));
  std::string body(type);
  body.append(data);
  out.append(body);
  put_be32(out, crc32(body));
}

}  // namespace

PngSize png_size(std::uint64_t seed) {
  return {static_cast<int>(4 + seed % 29), static_cast<int>(4 + (seed >> 8) % 21)};
}

std::string png_file(std::uint64_t seed) {
  const auto [width, height] = png_size(seed);
  // Raw scanlines: a filter byte (0 = none) then RGB pixels of a gradient.
  std::string raw;
  const auto r0 = static_cast<unsigned>(seed >> 16);
  for (int y = 0; y < height; ++y) {
    raw.push_back('\0');
    for (int x = 0; x < width; ++x) {
      raw.push_back(static_cast<char>((r0 + 9 * x) & 0xFF));
      raw.push_back(static_cast<char>(((r0 >> 8) + 11 * y) & 0xFF));
      raw.push_back(static_cast<char>(((r0 >> 16) + 5 * (x + y)) & 0xFF));
    }
  }
  // zlib stream with one stored (uncompressed) deflate block: valid, and needs no deflater.
  std::string zlib = {'\x78', '\x01', '\x01'};
  const auto length = static_cast<std::uint32_t>(raw.size());
  put_le(zlib, length, 2);
  put_le(zlib, ~length & 0xFFFF, 2);
  zlib.append(raw);
  put_be32(zlib, adler32(raw));

  std::string header;
  put_be32(header, static_cast<std::uint32_t>(width));
  put_be32(header, static_cast<std::uint32_t>(height));
  header.append({'\x08', '\x02', '\0', '\0', '\0'});  // 8-bit RGB, no interlace

  std::string png = "\x89PNG\r\n\x1a\n";
  png_chunk(png, "IHDR", header);
  png_chunk(png, "IDAT", zlib);
  png_chunk(png, "IEND", "");
  return png;
}

std::string wav_file(std::uint64_t seed) {
  constexpr std::uint32_t kRate = 8000;
  const std::uint32_t samples = kRate / 10 + static_cast<std::uint32_t>(seed % (kRate / 3));
  const std::uint32_t period = 10 + static_cast<std::uint32_t>((seed >> 12) % 30);
  std::string wav = "RIFF";
  put_le(wav, 36 + samples * 2, 4);
  wav.append("WAVEfmt ");
  put_le(wav, 16, 4);
  put_le(wav, 1, 2);  // PCM
  put_le(wav, 1, 2);  // mono
  put_le(wav, kRate, 4);
  put_le(wav, kRate * 2, 4);
  put_le(wav, 2, 2);
  put_le(wav, 16, 2);
  wav.append("data");
  put_le(wav, samples * 2, 4);
  for (std::uint32_t i = 0; i < samples; ++i) {
    // A quiet triangle wave: integer arithmetic only, so the bytes are the same everywhere.
    const std::int32_t phase = static_cast<std::int32_t>(i % period);
    const std::int32_t half = static_cast<std::int32_t>(period / 2);
    const std::int32_t level = (phase < half ? phase : 2 * half - phase) * 4000 / (half + 1) - 2000;
    put_le(wav, static_cast<std::uint32_t>(static_cast<std::uint16_t>(level)), 2);
  }
  return wav;
}

std::string webp_file() {
  static constexpr unsigned char kBytes[] = {
      'R', 'I', 'F', 'F',  0x1a, 0, 0, 0,    'W',  'E',  'B',  'P',  'V',  'P',  '8',  'L',  0x0d,
      0,   0,   0,   0x2f, 0,    0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0};
  return std::string(reinterpret_cast<const char*>(kBytes), sizeof kBytes);
}

std::string media_file(MediaKind kind, std::uint64_t seed) {
  switch (kind) {
    case MediaKind::png:
      return png_file(seed);
    case MediaKind::wav:
      return wav_file(seed);
    case MediaKind::webp:
      return webp_file();
  }
  return {};
}

}  // namespace afterglow::bench
