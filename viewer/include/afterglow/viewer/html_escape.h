// The one way a string from an export enters HTML. Every title, message, file name and URL goes
// through these functions, in text and in attribute values alike, so nothing from an export can
// become markup or script.
#pragma once

#include <string>
#include <string_view>

namespace afterglow::viewer {

// Escapes & < > " ' so the result is safe both as element text and as a quoted attribute value.
// Invalid UTF-8 and control characters (other than tab and newline) become U+FFFD.
void append_escaped(std::string& out, std::string_view text);
std::string html_escape(std::string_view text);

// True for the only URLs a book links to: http, https and mailto (scheme case-insensitive).
// Anything else (javascript:, data:, file:, relative paths) is shown as text instead.
bool is_safe_link(std::string_view url);

// Standard base64, for data: URIs.
void append_base64(std::string& out, std::string_view bytes);

// "sha256-<base64>" of a script or style, for a Content-Security-Policy source list.
std::string csp_hash(std::string_view content);

// Lowercase hex SHA-256 of the bytes, as sha256sum prints it.
std::string text_sha256(std::string_view bytes);

// Text safe inside <script type="application/json">: "</" and "<!--" cannot end or confuse it.
std::string json_for_script(std::string_view json);

}  // namespace afterglow::viewer
