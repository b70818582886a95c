// MIME types of export files: from a file name's extension, or sniffed from the first bytes when
// the name says nothing (the opaque .dat assets of 2026 exports). The table is text/'s.
#pragma once

#include <string>
#include <string_view>

#include "afterglow/text/media_types.h"

namespace afterglow::importer {

// Bytes of a file's start that sniff_mime needs.
using text::kSniffBytes;

// "photo.JPG" -> "image/jpeg"; empty when the extension is unknown (".dat" included).
using text::mime_from_name;

// The type text::sniff_media_type recognises from the magic bytes; else empty.
inline std::string sniff_mime(std::string_view head) { return text::sniff_media_type(head).mime; }

}  // namespace afterglow::importer
