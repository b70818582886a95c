#include "afterglow/server/host_check.h"

#include "afterglow/platform/platform.h"
#include "afterglow/text/case.h"

namespace afterglow::server {
namespace {

bool is_ipv4(const std::string& s) {
  return platform::parse_ip_address(s).family == platform::IpAddress::Family::ipv4;
}

bool is_ipv6(const std::string& s) {
  return platform::parse_ip_address(s).family == platform::IpAddress::Family::ipv6;
}

// "[::1]" for IPv6 literals, as they appear in a Host header.
std::string host_form(const std::string& address) {
  return is_ipv6(address) ? "[" + address + "]" : address;
}

}  // namespace

bool is_loopback_address(std::string_view address) {
  std::string a = text::to_lower_ascii(address);
  if (a == "localhost") return true;
  if (is_ipv4(a)) return a.starts_with("127.");
  if (is_ipv6(a)) return platform::parse_ip_address(a).loopback;
  return false;
}

HostCheck::HostCheck(std::string_view bind_address, int port)
    : port_suffix_(":" + std::to_string(port)) {
  for (const char* name : {"127.0.0.1", "localhost", "[::1]"})
    hosts_.push_back(name + port_suffix_);
  std::string bound = text::to_lower_ascii(bind_address);
  if (bound == "0.0.0.0" || bound == "::" || bound.empty()) {
    any_ip_literal_ = true;
  } else {
    std::string host = host_form(bound) + port_suffix_;
    if (std::find(hosts_.begin(), hosts_.end(), host) == hosts_.end()) hosts_.push_back(host);
  }
}

bool HostCheck::host_allowed(std::string_view host_header) const {
  std::string host = text::to_lower_ascii(host_header);
  if (std::find(hosts_.begin(), hosts_.end(), host) != hosts_.end()) return true;
  if (!any_ip_literal_ || !host.ends_with(port_suffix_)) return false;
  std::string name = host.substr(0, host.size() - port_suffix_.size());
  if (name.size() > 2 && name.front() == '[' && name.back() == ']') {
    return is_ipv6(name.substr(1, name.size() - 2));
  }
  return is_ipv4(name);
}

bool HostCheck::origin_allowed(std::string_view origin_header) const {
  if (origin_header.empty()) return true;
  if (!origin_header.starts_with("http://")) return false;
  return host_allowed(origin_header.substr(7));
}

}  // namespace afterglow::server
