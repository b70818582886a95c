#include "afterglow/i18n/translate.h"

#include <libintl.h>

namespace afterglow::i18n {

namespace {
constexpr const char* kDomain = "afterglow";
}

const char* _(const char* message) { return dgettext(kDomain, message); }

const char* plural(const char* singular, const char* plural_form, int64_t n) {
  // ngettext takes an unsigned long; the plural rules only look at the count's size.
  const unsigned long count = static_cast<unsigned long>(n < 0 ? -n : n);
  return dngettext(kDomain, singular, plural_form, count);
}

std::string substitute(std::string_view pattern, const std::string* args, size_t count) {
  std::string out;
  out.reserve(pattern.size());
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if ((c == '{' || c == '}') && i + 1 < pattern.size() && pattern[i + 1] == c) {
      out += c;  // "{{" or "}}"
      ++i;
      continue;
    }
    if (c == '{') {
      size_t close = pattern.find('}', i);
      size_t index = 0;
      bool digits = close != std::string_view::npos && close > i + 1;
      for (size_t k = i + 1; digits && k < close; ++k) {
        if (pattern[k] < '0' || pattern[k] > '9') {
          digits = false;
        } else {
          index = index * 10 + static_cast<size_t>(pattern[k] - '0');
        }
      }
      if (digits && index < count) {
        out += args[index];
        i = close;
        continue;
      }
    }
    out += c;
  }
  return out;
}

}  // namespace afterglow::i18n
