#include "generator/json_out.h"

#include <charconv>

namespace afterglow::bench {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_u_escape(std::string& out, unsigned unit) {
  char buf[6] = {
      '\\',           'u', kHex[(unit >> 12) & 15], kHex[(unit >> 8) & 15], kHex[(unit >> 4) & 15],
      kHex[unit & 15]};
  out.append(buf, 6);
}

// Decodes the UTF-8 sequence at text[i]; the generator only ever produces valid UTF-8.
unsigned decode_utf8(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned lead = byte(i);
  if (lead < 0xE0 && i + 1 < text.size()) {
    i += 2;
    return ((lead & 0x1F) << 6) | (byte(i - 1) & 0x3F);
  }
  if (lead < 0xF0 && i + 2 < text.size()) {
    i += 3;
    return ((lead & 0x0F) << 12) | ((byte(i - 2) & 0x3F) << 6) | (byte(i - 1) & 0x3F);
  }
  if (i + 3 < text.size()) {
    i += 4;
    return ((lead & 0x07) << 18) | ((byte(i - 3) & 0x3F) << 12) | ((byte(i - 2) & 0x3F) << 6) |
           (byte(i - 1) & 0x3F);
  }
  i = text.size();
  return 0xFFFD;
}

}  // namespace

void append_json_escaped(std::string& out, std::string_view text, bool ascii_only) {
  std::size_t run = 0;  // start of the pending run of bytes that need no escaping
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool plain = c >= 0x20 && c != '"' && c != '\\' && (c < 0x80 || !ascii_only);
    if (plain) {
      ++i;
      continue;
    }
    out.append(text.data() + run, i - run);
    if (c >= 0x80) {
      const unsigned code = decode_utf8(text, i);
      if (code >= 0x10000) {
        append_u_escape(out, 0xD800 + ((code - 0x10000) >> 10));
        append_u_escape(out, 0xDC00 + ((code - 0x10000) & 0x3FF));
      } else {
        append_u_escape(out, code);
      }
    } else {
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\r':
          out.append("\\r");
          break;
        default:
          append_u_escape(out, c);
          break;
      }
      ++i;
    }
    run = i;
  }
  out.append(text.data() + run, text.size() - run);
}

void JsonOut::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ > 0) {
    if (!first_[depth_]) out_.push_back(',');
    first_[depth_] = false;
  }
}

JsonOut& JsonOut::begin_object() {
  separate();
  out_.push_back('{');
  first_[++depth_] = true;
  return *this;
}

JsonOut& JsonOut::end_object() {
  out_.push_back('}');
  --depth_;
  return *this;
}

JsonOut& JsonOut::begin_array() {
  separate();
  out_.push_back('[');
  first_[++depth_] = true;
  return *this;
}

JsonOut& JsonOut::end_array() {
  out_.push_back(']');
  --depth_;
  return *this;
}

JsonOut& JsonOut::key(std::string_view name) {
  separate();
  out_.push_back('"');
  out_.append(name);
  out_.append("\":");
  after_key_ = true;
  return *this;
}

JsonOut& JsonOut::string(std::string_view text) {
  separate();
  out_.push_back('"');
  append_json_escaped(out_, text, ascii_only_);
  out_.push_back('"');
  return *this;
}

JsonOut& JsonOut::null() {
  separate();
  out_.append("null");
  return *this;
}

JsonOut& JsonOut::boolean(bool value) {
  separate();
  out_.append(value ? "true" : "false");
  return *this;
}

JsonOut& JsonOut::integer(std::int64_t value) {
  separate();
  char buf[24];
  const auto result = std::to_chars(buf, buf + sizeof buf, value);
  out_.append(buf, result.ptr);
  return *this;
}

JsonOut& JsonOut::fixed(std::int64_t scaled, int decimals) {
  std::int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  integer(scaled / scale);
  if (decimals > 0) {
    out_.push_back('.');
    std::int64_t fraction = scaled % scale;
    if (fraction < 0) fraction = -fraction;
    for (std::int64_t digit = scale / 10; digit > 0; digit /= 10) {
      out_.push_back(static_cast<char>('0' + (fraction / digit) % 10));
    }
  }
  return *this;
}

JsonOut& JsonOut::seconds(Micros micros) {
  integer(micros / 1000000);
  std::int64_t fraction = micros % 1000000;
  out_.push_back('.');
  if (fraction == 0) {
    out_.push_back('0');
    return *this;
  }
  char digits[6];
  for (int i = 5; i >= 0; --i) {
    digits[i] = static_cast<char>('0' + fraction % 10);
    fraction /= 10;
  }
  int length = 6;
  while (digits[length - 1] == '0') --length;  // Python's repr drops trailing zeros
  out_.append(digits, static_cast<std::size_t>(length));
  return *this;
}

JsonOut& JsonOut::raw(std::string_view json) {
  separate();
  out_.append(json);
  return *this;
}

}  // namespace afterglow::bench
