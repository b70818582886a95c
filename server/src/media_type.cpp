#include "media_type.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace afterglow::server {

MediaType media_type(const std::string& stored_mime) {
  std::string mime = stored_mime.substr(0, stored_mime.find(';'));
  std::transform(mime.begin(), mime.end(), mime.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  while (!mime.empty() && mime.back() == ' ') mime.pop_back();
  static constexpr std::array<std::string_view, 22> kShown = {
      "image/png",  "image/jpeg",  "image/gif",       "image/webp", "image/avif",  "image/bmp",
      "audio/wav",  "audio/x-wav", "audio/wave",      "audio/mpeg", "audio/mp4",   "audio/aac",
      "audio/ogg",  "audio/opus",  "audio/webm",      "audio/flac", "audio/x-m4a", "video/mp4",
      "video/webm", "video/ogg",   "application/pdf", "text/plain"};
  for (auto shown : kShown) {
    if (mime == shown) {
      return {mime == "text/plain" ? "text/plain; charset=utf-8" : mime, true};
    }
  }
  return {"application/octet-stream", false};
}

}  // namespace afterglow::server
