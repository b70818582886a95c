// Stable ids for what an export does not name: the first 128 bits of SHA-256 (OpenSSL), in hex.
// The same bytes give the same id on every machine and in every run.
#pragma once

#include <string>
#include <string_view>

namespace afterglow::importer {

std::string short_hash(std::string_view text);

}  // namespace afterglow::importer
