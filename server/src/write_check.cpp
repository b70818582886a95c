#include "write_check.h"

#include <httplib.h>

#include <charconv>

#include "afterglow/server/access_token.h"
#include "afterglow/server/host_check.h"

namespace afterglow::server {
namespace {

bool is_upload(const WriteFacts& facts) {
  return facts.method == "POST" && facts.path == "/api/imports";
}

// The app's write routes; everything else answers a write with 405.
bool is_write_route(const WriteFacts& facts) {
  if (facts.method == "POST") {
    return facts.path == "/api/imports" || facts.path == "/api/books" ||
           facts.path == "/api/exports";
  }
  if (facts.method == "DELETE") {
    return facts.path.starts_with("/api/imports/") || facts.path.starts_with("/api/books/") ||
           facts.path.starts_with("/api/exports/");
  }
  return false;
}

}  // namespace

bool is_write(std::string_view method) { return method != "GET" && method != "HEAD"; }

int64_t content_length(const httplib::Request& request) {
  if (!request.has_header("Content-Length")) return -1;
  const std::string text = request.get_header_value("Content-Length");
  int64_t value = -1;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return -1;
  return value;
}

bool is_json_request(const httplib::Request& request) {
  const std::string type = request.get_header_value("Content-Type");
  return type == "application/json" || type.starts_with("application/json;");
}

WriteFacts write_facts(const httplib::Request& request) {
  WriteFacts facts;
  facts.method = request.method;
  facts.path = request.path;
  facts.peer = request.remote_addr;
  facts.token = request.get_header_value(std::string(kWriteTokenHeader).c_str());
  facts.fetch_site = request.get_header_value("Sec-Fetch-Site");
  facts.length = content_length(request);
  facts.has_length = facts.length >= 0;
  facts.chunked = request.has_header("Transfer-Encoding");
  return facts;
}

std::optional<WriteRefusal> check_write(const WriteFacts& facts, std::string_view write_token) {
  if (!is_write_route(facts)) {
    return WriteRefusal{405, "method", "this address cannot be changed"};
  }
  if (write_token.empty()) {
    return WriteRefusal{403, "forbidden", "this server is read-only; start the app to import"};
  }
  if (!is_loopback_address(facts.peer)) {
    return WriteRefusal{403, "forbidden", "changes are accepted from this computer only"};
  }
  if (!same_token(facts.token, write_token)) {
    return WriteRefusal{403, "forbidden", "missing or wrong token: reload the page"};
  }
  // Browsers say where a request comes from; anything but this origin (or a person typing an
  // address) is another site's page.
  if (!facts.fetch_site.empty() && facts.fetch_site != "same-origin" &&
      facts.fetch_site != "none") {
    return WriteRefusal{403, "forbidden", "requests from other sites are refused"};
  }
  // A body's size must be known before it is read: the upload's to check the disk, the others'
  // to refuse anything large before it takes memory.
  if (facts.chunked || (facts.method == "POST" && !facts.has_length)) {
    return WriteRefusal{411, "length", "send the body with a Content-Length"};
  }
  if (!is_upload(facts) && facts.length > static_cast<int64_t>(kSmallBodyLimit)) {
    return WriteRefusal{413, "too_large", "the request is too large"};
  }
  return std::nullopt;
}

}  // namespace afterglow::server
