#include "mime.h"

#include <array>
#include <utility>

#include "json_text.h"

namespace afterglow::importer {

std::string mime_from_name(std::string_view name) {
  static const std::array<std::pair<std::string_view, std::string_view>, 27> kByExtension{{
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"svg", "image/svg+xml"},
      {"heic", "image/heic"},
      {"bmp", "image/bmp"},
      {"wav", "audio/wav"},
      {"mp3", "audio/mpeg"},
      {"m4a", "audio/mp4"},
      {"ogg", "audio/ogg"},
      {"webm", "video/webm"},
      {"mp4", "video/mp4"},
      {"mov", "video/quicktime"},
      {"pdf", "application/pdf"},
      {"txt", "text/plain"},
      {"md", "text/markdown"},
      {"csv", "text/csv"},
      {"html", "text/html"},
      {"htm", "text/html"},
      {"json", "application/json"},
      {"zip", "application/zip"},
      {"py", "text/x-python"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
  }};
  size_t slash = name.find_last_of('/');
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos) return {};
  std::string extension = to_lower_ascii(name.substr(dot + 1));
  for (const auto& [ext, mime] : kByExtension) {
    if (extension == ext) return std::string(mime);
  }
  return {};
}

std::string sniff_mime(std::string_view head) {
  auto at = [&](size_t offset, std::string_view magic) {
    return head.size() >= offset + magic.size() && head.substr(offset, magic.size()) == magic;
  };
  if (at(0, "\x89PNG\r\n\x1a\n")) return "image/png";
  if (at(0, "\xFF\xD8\xFF")) return "image/jpeg";
  if (at(0, "GIF87a") || at(0, "GIF89a")) return "image/gif";
  if (at(0, "RIFF") && at(8, "WEBP")) return "image/webp";
  if (at(0, "RIFF") && at(8, "WAVE")) return "audio/wav";
  if (at(0, "ID3") || (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0xFF &&
                       (static_cast<unsigned char>(head[1]) & 0xE0) == 0xE0)) {
    return "audio/mpeg";
  }
  if (at(0, "OggS")) return "audio/ogg";
  if (at(4, "ftyp")) return "video/mp4";
  if (at(0, "%PDF-")) return "application/pdf";
  return {};
}

}  // namespace afterglow::importer
