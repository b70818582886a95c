#include "utf8_request.h"

#include <simdjson.h>

namespace afterglow::server {
namespace {

bool valid(const std::string& text) { return simdjson::validate_utf8(text.data(), text.size()); }

}  // namespace

std::optional<std::string> invalid_utf8_part(const httplib::Request& request) {
  if (!valid(request.path)) return "path";
  for (const auto& [name, value] : request.params) {
    if (!valid(name)) return "a parameter name";
    if (!valid(value)) return name;
  }
  return std::nullopt;
}

}  // namespace afterglow::server
