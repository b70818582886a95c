// Addresses with bytes that are not UTF-8 (`/search?q=%FF`, `/c/<id>?q=%C3`): every page and the
// API handle text, and such bytes would reach the parser, the engines or a JSON writer that
// refuses them. They are turned away before routing, with the part that holds them.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>

namespace afterglow::server {

// The first part of the request whose decoded bytes are not valid UTF-8: "path", a parameter's
// name, or "a parameter name" when the name itself is not UTF-8. nullopt when all are valid.
std::optional<std::string> invalid_utf8_part(const httplib::Request& request);

}  // namespace afterglow::server
