// HTTP Range requests for attachments (RFC 9110 §14): audio and video players seek with them.
// One range per request is served; several, or a malformed header, get the whole file (as the
// RFC allows); a range that starts past the end gets 416.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace afterglow::server {

struct ByteRange {
  int64_t first = 0;  // inclusive
  int64_t last = 0;   // inclusive
  int64_t length() const { return last - first + 1; }
};

enum class RangeStatus { whole, partial, unsatisfiable };

struct RangeRequest {
  RangeStatus status = RangeStatus::whole;
  ByteRange range;  // for partial
};

// Interprets a Range header ("" when absent) for a resource of `size` bytes.
RangeRequest parse_range(std::string_view header, int64_t size);

}  // namespace afterglow::server
