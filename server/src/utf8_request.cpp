#include "utf8_request.h"

#include "afterglow/text/utf8.h"

namespace afterglow::server {
namespace {

bool valid(const std::string& text) { return text::is_valid_utf8(text); }

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
