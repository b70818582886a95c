#include "afterglow/server/security_headers.h"

namespace afterglow::server {

std::string page_content_security_policy() {
  // Inline styles stay allowed because KaTeX positions glyphs with style attributes (as in
  // the book); styles cannot run code. connect-src 'self' for nothing but the reader's own API.
  return "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
         "img-src 'self' data:; media-src 'self'; font-src 'self' data:; connect-src 'self'; "
         "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
}

std::string attachment_content_security_policy() {
  return "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; "
         "sandbox; frame-ancestors 'self'";
}

HeaderList common_security_headers() {
  return {
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
  };
}

}  // namespace afterglow::server
