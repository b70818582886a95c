#include "afterglow/viewer/terminal_text.h"

#include <cstdio>

#include "afterglow/text/utf8.h"

namespace afterglow::viewer {
namespace {

void append_hex(std::string& out, const char* format, unsigned value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, format, value);
  out += buffer;
}

// U+0080-U+009F: encoded as C2 80 .. C2 9F.
bool c1_control_at(std::string_view text, size_t i, size_t length) {
  return length == 2 && static_cast<unsigned char>(text[i]) == 0xC2 &&
         static_cast<unsigned char>(text[i + 1]) <= 0x9F;
}

}  // namespace

std::string terminal_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const size_t length = text::utf8_sequence_length(text, i);
    if (length == 0) {
      append_hex(out, "\\x%02x", c);
      ++i;
    } else if (c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7F) || c >= 0x80) {
      if (c1_control_at(text, i, length)) {
        append_hex(out, "\\u%04x", static_cast<unsigned char>(text[i + 1]));
      } else {
        out.append(text.substr(i, length));
      }
      i += length;
    } else if (c == '\r') {
      if (i + 1 >= text.size() || text[i + 1] != '\n') out += "\\r";
      ++i;
    } else {
      append_hex(out, "\\x%02x", c);
      ++i;
    }
  }
  return out;
}

std::string terminal_json(const nlohmann::json& json, int indent) {
  const std::string dumped =
      json.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
  // DEL and C1 bytes can only stand inside strings (JSON's own syntax is ASCII) and UTF-8 never
  // uses C2 80-9F for anything but these characters, so escaping them there keeps the value.
  std::string out;
  out.reserve(dumped.size());
  for (size_t i = 0; i < dumped.size(); ++i) {
    const auto c = static_cast<unsigned char>(dumped[i]);
    if (c == 0x7F) {
      out += "\\u007f";
    } else if (c == 0xC2 && i + 1 < dumped.size() &&
               static_cast<unsigned char>(dumped[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(dumped[i + 1]) <= 0x9F) {
      append_hex(out, "\\u%04x", static_cast<unsigned char>(dumped[i + 1]));
      ++i;
    } else {
      out += dumped[i];
    }
  }
  return out;
}

}  // namespace afterglow::viewer
