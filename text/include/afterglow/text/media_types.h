// The one table of media types: which extension a MIME type has, which MIME type a file name
// has, which types the book and the reader show inline (everything else is offered as a
// download), and the types recognised from a file's first bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace afterglow::text {

// "Image/PNG; charset=x " -> "image/png": lower case, parameters and spaces dropped.
std::string normalise_mime(std::string_view mime);

// "photo.JPG" or "a/b/photo.jpg" -> "image/jpeg"; empty when the extension is unknown (".dat").
std::string mime_from_name(std::string_view name);

// "image/jpeg" -> "jpg" (no dot); empty when the type is not in the table. Takes any spelling
// normalise_mime accepts.
std::string extension_for_mime(std::string_view mime);

// Whether a browser shows this type safely inside a page: images other than SVG (which can
// carry script), audio, video, PDF and plain text.
bool shown_inline(std::string_view mime);

// Bytes of a file's start that sniff_media_type needs.
inline constexpr size_t kSniffBytes = 16;

struct SniffedType {
  std::string mime;         // empty when not recognised
  bool compressed = false;  // zstd would gain next to nothing
};

// PNG, JPEG, GIF, WEBP, WAV, MP3, MP4, OGG, FLAC, ZIP, PDF, zstd and gzip by their magic bytes.
SniffedType sniff_media_type(std::string_view first_bytes);

}  // namespace afterglow::text
