// DNS rebinding defence: a web page on another site whose name is made to resolve to 127.0.0.1
// reaches the server with its own name in the Host header. Only the names the server is really
// reached by are accepted, and a browser's Origin (when sent) must be one of them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace afterglow::server {

// True for 127.0.0.0/8, ::1 and "localhost".
bool is_loopback_address(std::string_view address);

class HostCheck {
 public:
  // Accepts 127.0.0.1:PORT, localhost:PORT and [::1]:PORT, plus the bound address when it is
  // another one. Bound to every interface (0.0.0.0 or ::), any IP literal with the right port is
  // accepted too: rebinding needs a DNS name, and such a bind already requires the token.
  HostCheck(std::string_view bind_address, int port);

  bool host_allowed(std::string_view host_header) const;
  // An absent Origin is allowed (same-origin navigations and non-browser clients send none).
  bool origin_allowed(std::string_view origin_header) const;

 private:
  std::vector<std::string> hosts_;  // lower case, with the port
  std::string port_suffix_;         // ":PORT"
  bool any_ip_literal_ = false;
};

}  // namespace afterglow::server
