// Headers every response carries. Pages may run only the server's own script files (no inline
// script, no eval), load nothing from anywhere but the server, and cannot be framed; attachments
// are served sandboxed so an uploaded HTML or SVG file can never run as part of the reader.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace afterglow::server {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// For HTML pages and everything else the server writes itself.
std::string page_content_security_policy();
// For attachment bytes: nothing may run, even when opened directly.
std::string attachment_content_security_policy();

// nosniff, no referrer, no framing, same-origin resource and opener policies. No CORS header
// is ever sent, so other sites' scripts cannot read any response.
HeaderList common_security_headers();

}  // namespace afterglow::server
