// MIME types of export files: from a file name's extension, or sniffed from the first bytes when
// the name says nothing (the opaque .dat assets of 2026 exports).
#pragma once

#include <string>
#include <string_view>

namespace afterglow::importer {

// Bytes of a file's start that sniff_mime needs.
inline constexpr size_t kSniffBytes = 16;

// "photo.JPG" -> "image/jpeg"; empty when the extension is unknown (".dat" included).
std::string mime_from_name(std::string_view name);

// Recognises PNG, JPEG, GIF, WEBP, WAV, MP3, OGG, MP4, PDF from their magic bytes; else empty.
std::string sniff_mime(std::string_view head);

}  // namespace afterglow::importer
