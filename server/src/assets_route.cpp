// /assets/NAME: the stylesheets, scripts and fonts compiled into the binary. Names are looked
// up in tables, never joined to a directory, so no URL can read a file from disk.
#include <httplib.h>

#include "server_assets.h"
#include "state.h"

namespace afterglow::server {

void add_asset_routes(httplib::Server& http) {
  http.Get(R"(/assets/(.+))", [](const httplib::Request& request, httplib::Response& response) {
    auto asset = find_asset(request.matches[1].str());
    if (!asset) {
      response.status = 404;
      return;
    }
    // The same binary always serves the same bytes; a new build is a new server run, and
    // browsers revalidate after a day.
    response.set_header("Cache-Control", "private, max-age=86400");
    response.set_content(asset->bytes.data(), asset->bytes.size(), asset->mime);
  });
}

}  // namespace afterglow::server
