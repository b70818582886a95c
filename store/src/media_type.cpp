#include "media_type.h"

#include <array>

namespace afterglow::store {
namespace {

bool starts_with(std::string_view data, std::string_view prefix, size_t at = 0) {
  return data.size() >= at + prefix.size() && data.substr(at, prefix.size()) == prefix;
}

struct Signature {
  std::string_view magic;
  size_t offset;
  std::string_view mime;
  bool compressed;
};

// Order matters where one signature is a prefix of another's container (RIFF, ftyp).
constexpr std::array<Signature, 14> kSignatures{{
    {"\x89PNG\r\n\x1a\n", 0, "image/png", true},
    {"\xff\xd8\xff", 0, "image/jpeg", true},
    {"GIF87a", 0, "image/gif", true},
    {"GIF89a", 0, "image/gif", true},
    {"WEBP", 8, "image/webp", true},
    {"WAVE", 8, "audio/wav", false},
    {"ID3", 0, "audio/mpeg", true},
    {"ftyp", 4, "video/mp4", true},
    {"OggS", 0, "audio/ogg", true},
    {"PK\x03\x04", 0, "application/zip", true},
    {"%PDF-", 0, "application/pdf", true},
    {"\x28\xb5\x2f\xfd", 0, "application/zstd", true},
    {"\x1f\x8b", 0, "application/gzip", true},
    {"fLaC", 0, "audio/flac", true},
}};

}  // namespace

MediaType sniff_media_type(std::string_view data) {
  for (const auto& s : kSignatures) {
    if (starts_with(data, s.magic, s.offset)) return {std::string(s.mime), s.compressed};
  }
  // MPEG audio frames without an ID3 tag start with an 11-bit sync word.
  if (data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0xff &&
      (static_cast<unsigned char>(data[1]) & 0xe0) == 0xe0) {
    return {"audio/mpeg", true};
  }
  return {};
}

}  // namespace afterglow::store
