// /blob/SHA256: an attachment's bytes streamed from the archive, with its media type and HTTP
// Range support so that audio and video can seek. Content-addressed, so it can be cached.
#include <httplib.h>

#include "afterglow/model/errors.h"
#include "afterglow/server/byte_range.h"
#include "afterglow/server/ids.h"
#include "afterglow/server/security_headers.h"
#include "media_type.h"
#include "state.h"

namespace afterglow::server {
namespace {

// Thrown from inside read_blob's sink to stop reading once the range is written or the
// client has gone.
struct StopStreaming {};

void blob(ServerState& state, const httplib::Request& request, httplib::Response& response) {
  const std::string sha = request.matches[1];
  if (!valid_sha256(sha)) {
    response.status = 404;
    return;
  }
  auto archive = state.pool.borrow();
  auto info = archive->blob_info(sha);
  if (!info) {
    response.status = 404;
    return;
  }
  // Ranges are answered here (one range, 416 past the end); httplib must not slice again.
  const_cast<httplib::Request&>(request).ranges.clear();

  const MediaType type = media_type(info->mime);
  response.headers.erase("Content-Security-Policy");  // the page policy set for every response
  response.set_header("Content-Security-Policy", attachment_content_security_policy());
  response.set_header("Accept-Ranges", "bytes");
  response.set_header("Cache-Control", "private, max-age=31536000, immutable");
  response.set_header("ETag", "\"" + sha + "\"");
  if (!type.inline_ok) response.set_header("Content-Disposition", "attachment");

  const int64_t size = info->size;
  RangeRequest range = parse_range(request.get_header_value("Range"), size);
  if (request.has_header("If-Range") && request.get_header_value("If-Range") != "\"" + sha + "\"") {
    range = {};  // the client's copy is of other bytes: send them all
  }
  if (range.status == RangeStatus::unsatisfiable) {
    response.status = 416;
    response.set_header("Content-Range", "bytes */" + std::to_string(size));
    return;
  }
  ByteRange span{0, size - 1};
  if (range.status == RangeStatus::partial) {
    span = range.range;
    response.status = 206;
    response.set_header("Content-Range", "bytes " + std::to_string(span.first) + "-" +
                                             std::to_string(span.last) + "/" +
                                             std::to_string(size));
  } else {
    response.status = 200;
  }
  if (size == 0) {
    response.set_content("", type.mime);
    return;
  }
  // The connection stays borrowed until the last byte is written.
  std::shared_ptr<store::Archive> held = std::move(archive);
  response.set_content_provider(
      static_cast<size_t>(span.length()), type.mime,
      [held, sha, span](size_t offset, size_t, httplib::DataSink& sink) {
        // httplib asks from `offset` within the span (0 first; more if a write was short).
        const int64_t from = span.first + static_cast<int64_t>(offset);
        int64_t at = 0;  // position in the blob of the chunk's first byte
        try {
          held->read_blob(sha, [&](std::string_view chunk) {
            const int64_t chunk_end = at + static_cast<int64_t>(chunk.size());
            const int64_t lo = std::max(at, from), hi = std::min(chunk_end, span.last + 1);
            if (lo < hi && !sink.write(chunk.data() + (lo - at), static_cast<size_t>(hi - lo))) {
              throw StopStreaming{};
            }
            at = chunk_end;
            if (at > span.last) throw StopStreaming{};
          });
        } catch (const StopStreaming&) {
        } catch (...) {
          return false;  // the archive failed mid-stream: end the connection, never the server
        }
        return at > span.last;  // false when the client left or the blob was short
      });
}

}  // namespace

void add_blob_routes(httplib::Server& http, ServerState& state) {
  http.Get(R"(/blob/([^/]+))",
           [&state](const httplib::Request& q, httplib::Response& r) { blob(state, q, r); });
}

}  // namespace afterglow::server
