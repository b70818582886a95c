#include "afterglow/text/media_types.h"

#include <array>

#include "afterglow/text/case.h"

namespace afterglow::text {
namespace {

struct MediaType {
  std::string_view mime;
  std::string_view extension;
  bool inline_ok;
};

// A type's first row gives its extension; an extension's first row gives its type. SVG and
// HTML are never inline: either can carry script.
constexpr std::array<MediaType, 38> kMediaTypes{{
    {"image/png", "png", true},
    {"image/jpeg", "jpg", true},
    {"image/jpeg", "jpeg", true},
    {"image/gif", "gif", true},
    {"image/webp", "webp", true},
    {"image/avif", "avif", true},
    {"image/bmp", "bmp", true},
    {"image/svg+xml", "svg", false},
    {"image/heic", "heic", false},
    {"audio/wav", "wav", true},
    {"audio/x-wav", "wav", true},
    {"audio/wave", "wav", true},
    {"audio/mpeg", "mp3", true},
    {"audio/mp4", "m4a", true},
    {"audio/x-m4a", "m4a", true},
    {"audio/aac", "aac", true},
    {"audio/ogg", "ogg", true},
    {"audio/opus", "opus", true},
    {"audio/webm", "weba", true},
    {"audio/flac", "flac", true},
    {"video/mp4", "mp4", true},
    {"video/webm", "webm", true},
    {"video/ogg", "ogv", true},
    {"video/quicktime", "mov", true},
    {"application/pdf", "pdf", true},
    {"text/plain", "txt", true},
    {"text/markdown", "md", false},
    {"text/csv", "csv", false},
    {"text/html", "html", false},
    {"text/html", "htm", false},
    {"text/x-python", "py", false},
    {"application/json", "json", false},
    {"application/zip", "zip", false},
    {"application/zstd", "zst", false},
    {"application/gzip", "gz", false},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", false},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", false},
    {"application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", false},
}};

const MediaType* find_mime(std::string_view mime) {
  const std::string normal = normalise_mime(mime);
  for (const auto& type : kMediaTypes) {
    if (type.mime == normal) return &type;
  }
  return nullptr;
}

struct Signature {
  std::string_view magic;
  size_t offset;
  std::string_view mime;
  bool compressed;
};

constexpr std::array<Signature, 12> kSignatures{{
    {"\x89PNG\r\n\x1a\n", 0, "image/png", true},
    {"\xff\xd8\xff", 0, "image/jpeg", true},
    {"GIF87a", 0, "image/gif", true},
    {"GIF89a", 0, "image/gif", true},
    {"ID3", 0, "audio/mpeg", true},
    {"ftyp", 4, "video/mp4", true},
    {"OggS", 0, "audio/ogg", true},
    {"PK\x03\x04", 0, "application/zip", true},
    {"%PDF-", 0, "application/pdf", true},
    {"\x28\xb5\x2f\xfd", 0, "application/zstd", true},
    {"\x1f\x8b", 0, "application/gzip", true},
    {"fLaC", 0, "audio/flac", true},
}};

bool has_at(std::string_view data, size_t offset, std::string_view magic) {
  return data.size() >= offset + magic.size() && data.substr(offset, magic.size()) == magic;
}

}  // namespace

std::string normalise_mime(std::string_view mime) {
  mime = mime.substr(0, mime.find(';'));
  while (!mime.empty() && mime.front() == ' ') mime.remove_prefix(1);
  while (!mime.empty() && mime.back() == ' ') mime.remove_suffix(1);
  return to_lower_ascii(mime);
}

std::string mime_from_name(std::string_view name) {
  const size_t slash = name.find_last_of('/');
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  const size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos) return {};
  const std::string extension = to_lower_ascii(name.substr(dot + 1));
  for (const auto& type : kMediaTypes) {
    if (type.extension == extension) return std::string(type.mime);
  }
  return {};
}

std::string extension_for_mime(std::string_view mime) {
  const MediaType* type = find_mime(mime);
  return type ? std::string(type->extension) : std::string();
}

bool shown_inline(std::string_view mime) {
  const MediaType* type = find_mime(mime);
  return type && type->inline_ok;
}

SniffedType sniff_media_type(std::string_view data) {
  // RIFF is a container: what it holds is named at offset 8.
  if (has_at(data, 0, "RIFF") && has_at(data, 8, "WEBP")) return {"image/webp", true};
  if (has_at(data, 0, "RIFF") && has_at(data, 8, "WAVE")) return {"audio/wav", false};
  for (const auto& s : kSignatures) {
    if (has_at(data, s.offset, s.magic)) return {std::string(s.mime), s.compressed};
  }
  // MPEG audio frames without an ID3 tag start with an 11-bit sync word.
  if (data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0xff &&
      (static_cast<unsigned char>(data[1]) & 0xe0) == 0xe0) {
    return {"audio/mpeg", true};
  }
  return {};
}

}  // namespace afterglow::text
