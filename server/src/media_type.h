// The Content-Type an attachment is served with. Only media a browser shows safely are served
// as themselves; everything else is application/octet-stream, downloaded rather than shown.
#pragma once

#include <string>

namespace afterglow::server {

struct MediaType {
  std::string mime;
  bool inline_ok = false;  // shown in the page; otherwise Content-Disposition: attachment
};

MediaType media_type(const std::string& stored_mime);

}  // namespace afterglow::server
