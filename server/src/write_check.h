// Who may change anything through the app (import an export, make a book). The model is
// Jupyter's: a secret made at each launch, which only the app's own pages carry, sent back in a
// header that no cross-site form or image can set, from this computer only, with the same-origin
// checks every request passes (Host against DNS rebinding, Origin against other sites).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace httplib {
struct Request;
}

namespace afterglow::server {

// Bodies other than an export's upload are small JSON objects.
inline constexpr size_t kSmallBodyLimit = 64 * 1024;

struct WriteRefusal {
  int status;        // 403, 405, 411, 413
  std::string code;  // "forbidden", "method", "length", "too_large"
  std::string message;
};

// What the check looks at, taken from a request (write_facts) or made by hand in tests.
struct WriteFacts {
  std::string method;
  std::string path;
  std::string peer;        // the client's address
  std::string token;       // the X-Afterglow-Token header
  std::string fetch_site;  // Sec-Fetch-Site ("" when not sent)
  bool has_length = false;
  int64_t length = 0;
  bool chunked = false;
};
WriteFacts write_facts(const httplib::Request& request);

// True for methods that change something (anything but GET and HEAD).
bool is_write(std::string_view method);
// For a write: nullopt when it may go on. `write_token` empty means a read-only server, which
// refuses every write. The Host and Origin checks are made before, for every request.
std::optional<WriteRefusal> check_write(const WriteFacts& facts, std::string_view write_token);

bool is_json_request(const httplib::Request& request);
// The Content-Length header's value, or -1 when absent or not a number.
int64_t content_length(const httplib::Request& request);

}  // namespace afterglow::server
