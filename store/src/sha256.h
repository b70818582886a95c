// Streaming SHA-256 (OpenSSL EVP), the identity of every blob in the archive.
#pragma once

#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace afterglow::store {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view bytes);
  // Lowercase hex of the digest; the hasher starts over afterwards.
  std::string hex_digest();
  // Same, as 32 raw bytes.
  std::string raw_digest();

 private:
  evp_md_ctx_st* ctx_;
};

std::string to_hex(std::string_view bytes);

}  // namespace afterglow::store
