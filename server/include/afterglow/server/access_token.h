// The secret a non-loopback server requires: 128 random bits, given once as ?token= in the URL
// the command prints, then kept by the browser in an HttpOnly, SameSite=Strict cookie.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace afterglow::server {

inline constexpr std::string_view kTokenCookie = "afterglow_token";
inline constexpr std::string_view kTokenParameter = "token";
// The app's write token: in every page as <meta name="afterglow-token" content="…">, and sent
// back by the page's script in this header with every request that changes anything.
inline constexpr std::string_view kWriteTokenMeta = "afterglow-token";
inline constexpr std::string_view kWriteTokenHeader = "X-Afterglow-Token";

// 32 lowercase hex digits from /dev/urandom. Throws Error when it cannot be read.
std::string random_token();

// Compares in time independent of where the strings differ.
bool same_token(std::string_view given, std::string_view expected);

// The value of cookie `name` in a Cookie header ("a=1; b=2"), or nullopt.
std::optional<std::string> cookie_value(std::string_view cookie_header, std::string_view name);

// The Set-Cookie value that keeps the token for the session.
std::string token_cookie(std::string_view token);

}  // namespace afterglow::server
