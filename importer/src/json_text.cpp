#include "json_text.h"

#include <cctype>
#include <cstdlib>

namespace afterglow::importer {

std::string_view trim_whitespace(std::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return text.substr(begin, end - begin);
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of a "\uXXXX" escape at json[i], or -1.
int escape_unit(std::string_view json, size_t i) {
  if (i + 6 > json.size() || json[i] != '\\' || json[i + 1] != 'u') return -1;
  int unit = 0;
  for (size_t k = 2; k < 6; ++k) {
    int h = hex_value(json[i + k]);
    if (h < 0) return -1;
    unit = unit * 16 + h;
  }
  return unit;
}

}  // namespace

std::optional<std::string> repair_lone_surrogates(std::string_view json) {
  std::string out;
  bool changed = false;
  size_t copied = 0;
  for (size_t i = 0; i + 1 < json.size(); ++i) {
    if (json[i] != '\\') continue;
    int unit = escape_unit(json, i);
    if (unit < 0) {
      ++i;  // some other escape such as \\ or \": skip its second character
      continue;
    }
    bool lone = false;
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      int next = escape_unit(json, i + 6);
      if (next >= 0xDC00 && next <= 0xDFFF) {
        i += 11;  // a proper pair: keep both
        continue;
      }
      lone = true;
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      lone = true;
    }
    if (lone) {
      out.append(json.substr(copied, i - copied));
      out += "\\ufffd";
      copied = i + 6;
      changed = true;
    }
    i += 5;
  }
  if (!changed) return std::nullopt;
  out.append(json.substr(copied));
  return out;
}

std::optional<std::string> repair_json_text(std::string_view json) {
  auto utf8 = repair_utf8(json);
  std::string_view current = utf8 ? std::string_view(*utf8) : json;
  auto surrogates = repair_lone_surrogates(current);
  if (surrogates) return surrogates;
  return utf8;
}

std::optional<double> parse_number_text(std::string_view text) {
  text = trim_whitespace(text);
  if (text.empty() || text.size() > 64) return std::nullopt;
  std::string copy(text);
  char* end = nullptr;
  double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size()) return std::nullopt;
  return value;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace afterglow::importer
