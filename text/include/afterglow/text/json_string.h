// JSON string literals for the JSON afterglow writes by hand (raw message metadata, citations,
// the import summary). The escapes are those of nlohmann::json's dump, which writes the rest, so
// one string comes out the same whichever wrote it.
#pragma once

#include <string>
#include <string_view>

namespace afterglow::text {

// Appends `text` quoted: " and \ escaped, \b \f \n \r \t by name, other control characters
// (U+0000-U+001F) as \u00XX; every other byte as it is.
void append_json_string(std::string& out, std::string_view text);
std::string json_quote(std::string_view text);

}  // namespace afterglow::text
