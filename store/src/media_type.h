// Recognises file types from their first bytes: to skip compressing data that is already
// compressed, and to give blobs a MIME type when nothing better is known.
#pragma once

#include <string>
#include <string_view>

namespace afterglow::store {

struct MediaType {
  std::string mime;         // empty when not recognised
  bool compressed = false;  // zstd would gain next to nothing
};

MediaType sniff_media_type(std::string_view first_bytes);

}  // namespace afterglow::store
