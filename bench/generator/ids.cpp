#include "generator/ids.h"

#include <string_view>

namespace afterglow::bench {

namespace {

constexpr std::string_view kHex = "0123456789abcdef";
constexpr std::string_view kBase62 =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

}  // namespace

std::string random_hex(Rng& rng, int digits) {
  std::string out;
  out.reserve(static_cast<std::size_t>(digits));
  std::uint64_t bits = 0;
  for (int i = 0; i < digits; ++i) {
    if (i % 16 == 0) bits = rng.next();
    out.push_back(kHex[bits & 15]);
    bits >>= 4;
  }
  return out;
}

std::string random_base62(Rng& rng, int length) {
  std::string out;
  out.reserve(static_cast<std::size_t>(length));
  for (int i = 0; i < length; ++i) out.push_back(kBase62[rng.below(kBase62.size())]);
  return out;
}

std::string random_uuid(Rng& rng) {
  std::string hex = random_hex(rng, 32);
  hex[12] = '4';                         // version 4
  hex[16] = kHex[8 + (rng.next() & 3)];  // RFC 4122 variant
  return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' +
         hex.substr(16, 4) + '-' + hex.substr(20, 12);
}

std::string client_message_uuid(Rng& rng) {
  std::string id = random_uuid(rng);
  id.replace(0, 4, "aaa2");
  return id;
}

std::string file_service_id(Rng& rng) { return "file-" + random_base62(rng, 22); }

std::string sediment_id(Rng& rng) { return "file_00000000" + random_hex(rng, 24); }

std::string user_id(Rng& rng) { return "user-" + random_base62(rng, 24); }

}  // namespace afterglow::bench
