// A JSON answer of the API: never cached, invalid UTF-8 replaced rather than thrown on.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>

namespace afterglow::server {

inline void send_json(httplib::Response& response, const nlohmann::json& json, int status = 200) {
  response.status = status;
  response.set_header("Cache-Control", "no-store");
  response.set_content(json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       "application/json; charset=utf-8");
}

}  // namespace afterglow::server
