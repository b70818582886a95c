// ISO 8601 times as other services write them ("2025-06-21T19:28:21.177720Z",
// "2025-06-21 19:28:21+08:00") -> UTC seconds since the epoch, the archive's one time form.
#pragma once

#include <optional>
#include <string_view>

namespace afterglow::importer {

// A date, optionally a time with a fraction, optionally "Z" or an offset (none means UTC).
// Nullopt for anything that is not such a time, so a damaged field is absent, never invented.
std::optional<double> parse_iso_time(std::string_view text);

}  // namespace afterglow::importer
