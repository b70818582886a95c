// Reading an IP address is the same call everywhere; only the header that declares it differs.
#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#endif

#include "afterglow/platform/platform.h"

namespace afterglow::platform {

IpAddress parse_ip_address(const std::string& text) {
  in_addr v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) {
    return {IpAddress::Family::ipv4, (ntohl(v4.s_addr) >> 24) == 127};
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) {
    return {IpAddress::Family::ipv6, IN6_IS_ADDR_LOOPBACK(&v6) != 0};
  }
  return {};
}

}  // namespace afterglow::platform
