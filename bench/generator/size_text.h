// Sizes as people type them on the command line: "600MB", "2GB", "300KB", "1.5GiB", "12345".
#pragma once

#include <cstdint>
#include <string_view>

namespace afterglow::bench {

// Decimal units (KB, MB, GB = 1000^n) and binary ones (KiB, MiB, GiB = 1024^n); case-insensitive;
// a bare number is bytes. Throws afterglow::Error on anything else.
std::uint64_t parse_size(std::string_view text);

}  // namespace afterglow::bench
