#include "request_lang.h"

#include <cstdlib>
#include <string>

#include "afterglow/server/access_token.h"
#include "afterglow/text/case.h"

namespace afterglow::server {

std::optional<Lang> lang_from_code(std::string_view code) {
  auto starts = [&](std::string_view p) {
    if (code.size() < p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i) {
      if (text::to_lower_ascii(code[i]) != p[i]) return false;
    }
    return code.size() == p.size() || code[p.size()] == '-' || code[p.size()] == '_';
  };
  if (starts("zh")) return Lang::zh;
  if (starts("en")) return Lang::en;
  return std::nullopt;
}

std::optional<Lang> lang_from_accept_language(std::string_view header) {
  std::optional<Lang> best;
  double best_q = 0;
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    double q = 1;
    if (size_t semi = item.find(';'); semi != std::string_view::npos) {
      std::string_view params = item.substr(semi + 1);
      item = item.substr(0, semi);
      if (size_t at = params.find("q="); at != std::string_view::npos) {
        q = std::strtod(std::string(params.substr(at + 2)).c_str(), nullptr);
      }
    }
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    auto lang = lang_from_code(item);
    if (lang && q > best_q) {
      best = lang;
      best_q = q;
    }
  }
  return best;
}

Lang choose_lang(std::string_view parameter, std::string_view cookie_header,
                 std::string_view accept_language) {
  if (auto lang = lang_from_code(parameter)) return *lang;
  if (auto cookie = cookie_value(cookie_header, kLangCookie)) {
    if (auto lang = lang_from_code(*cookie)) return *lang;
  }
  if (auto lang = lang_from_accept_language(accept_language)) return *lang;
  return Lang::en;
}

}  // namespace afterglow::server
