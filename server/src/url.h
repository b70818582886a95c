// Building URLs for links: percent-encoding of path segments and query values.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace afterglow::server {

// Everything but unreserved characters (RFC 3986) percent-encoded, UTF-8 byte by byte.
std::string url_encode(std::string_view text);

using QueryParams = std::vector<std::pair<std::string, std::string>>;
// "?a=1&b=x%20y", skipping empty values; "" when nothing is left.
std::string query_string(const QueryParams& params);

}  // namespace afterglow::server

namespace afterglow::server {

// The parameters of a query string as HTML forms write them (application/x-www-form-urlencoded):
// '+' is a space, %XX a byte; a malformed escape is kept as written. In order, repeats kept.
QueryParams parse_query_string(std::string_view query);

}  // namespace afterglow::server
