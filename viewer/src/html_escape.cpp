#include "afterglow/viewer/html_escape.h"

#include <openssl/sha.h>

#include <cstdint>

#include "afterglow/text/case.h"
#include "afterglow/text/utf8.h"

namespace afterglow::viewer {
using text::kReplacement;

void append_escaped(std::string& out, std::string_view text) {
  out.reserve(out.size() + text.size());
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    switch (c) {
      case '&':
        out += "&amp;";
        ++i;
        continue;
      case '<':
        out += "&lt;";
        ++i;
        continue;
      case '>':
        out += "&gt;";
        ++i;
        continue;
      case '"':
        out += "&quot;";
        ++i;
        continue;
      case '\'':
        out += "&#39;";
        ++i;
        continue;
      default:
        break;
    }
    size_t n = text::utf8_sequence_length(text, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
    } else if (n == 1 && static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') {
      out += c == '\r' ? std::string_view() : kReplacement;
      ++i;
    } else if (n == 1 && c == 0x7F) {
      out += kReplacement;
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
}

std::string html_escape(std::string_view text) {
  std::string out;
  append_escaped(out, text);
  return out;
}

bool is_safe_link(std::string_view url) {
  // Leading spaces and control characters are ignored by browsers when parsing a scheme, so a
  // URL that starts with them is not trusted either.
  auto starts = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      if (text::to_lower_ascii(url[i]) != prefix[i]) return false;
    }
    return true;
  };
  bool scheme_ok = starts("https://") || starts("http://") || starts("mailto:");
  if (!scheme_ok) return false;
  for (char c : url) {
    if (static_cast<unsigned char>(c) < 0x20 || c == ' ' || c == '"' || c == '<' || c == '>') {
      return false;
    }
  }
  return true;
}

void append_base64(std::string& out, std::string_view bytes) {
  static constexpr char table[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  out.reserve(out.size() + (bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  auto at = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(bytes[k])); };
  for (; i + 3 <= bytes.size(); i += 3) {
    uint32_t v = at(i) << 16 | at(i + 1) << 8 | at(i + 2);
    out += table[v >> 18];
    out += table[(v >> 12) & 63];
    out += table[(v >> 6) & 63];
    out += table[v & 63];
  }
  if (size_t rest = bytes.size() - i; rest > 0) {
    uint32_t v = at(i) << 16 | (rest == 2 ? at(i + 1) << 8 : 0);
    out += table[v >> 18];
    out += table[(v >> 12) & 63];
    out += rest == 2 ? table[(v >> 6) & 63] : '=';
    out += '=';
  }
}

std::string csp_hash(std::string_view content) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(content.data()), content.size(), digest);
  std::string out = "sha256-";
  append_base64(out, std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
  return out;
}

std::string text_sha256(std::string_view bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * sizeof digest);
  for (unsigned char b : digest) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

std::string json_for_script(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    // Inside JSON strings "<" may be written as \u003c; outside strings it cannot occur.
    if (json[i] == '<') {
      out += "\\u003c";
    } else {
      out += json[i];
    }
  }
  return out;
}

}  // namespace afterglow::viewer
