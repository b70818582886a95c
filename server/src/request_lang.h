// Which language a page speaks: ?lang= (the switch in the header, remembered in a cookie),
// else the remembered choice, else the browser's Accept-Language, else English.
#pragma once

#include <optional>
#include <string_view>

#include "words.h"

namespace afterglow::server {

inline constexpr std::string_view kLangCookie = "afterglow_lang";

std::optional<Lang> lang_from_code(std::string_view code);  // "zh…" or "en…"
// The preferred of zh and en in an Accept-Language header (highest q; earlier wins a tie).
std::optional<Lang> lang_from_accept_language(std::string_view header);
Lang choose_lang(std::string_view parameter, std::string_view cookie_header,
                 std::string_view accept_language);

}  // namespace afterglow::server
