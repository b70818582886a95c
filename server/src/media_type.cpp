#include "media_type.h"

#include "afterglow/text/media_types.h"

namespace afterglow::server {

MediaType media_type(const std::string& stored_mime) {
  const std::string mime = text::normalise_mime(stored_mime);
  if (!text::shown_inline(mime)) return {"application/octet-stream", false};
  return {mime == "text/plain" ? "text/plain; charset=utf-8" : mime, true};
}

}  // namespace afterglow::server
