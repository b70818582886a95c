// The program's words in the user's language (GNU gettext, text domain "afterglow").
//
// Mark every message a person reads with _() (translated now) or N_() (a table entry translated
// where it is printed); counts go through plural(). Placeholders are {0}, {1}, ... so that a
// translation may put them in another order. Machine-readable output (--json) never goes
// through these functions: it is the same in every language.
#pragma once

#include <cstdint>
#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>

namespace afterglow::i18n {

// The translation of `message`, or `message` itself when there is none.
const char* _(const char* message);
// Marks a message for translation without translating it (it is translated later by _()).
constexpr const char* N_(const char* message) { return message; }
// The form of a message that fits the count `n` ("1 conversation", "2 conversations"); in
// English `singular` when n is 1, else `plural_form`. Chinese has one form for every n.
const char* plural(const char* singular, const char* plural_form, int64_t n);

// One argument of format() as text. Numbers are always written the "C" way (no thousands
// separator, a point before decimals), whatever the user's locale.
inline std::string as_text(const std::string& s) { return s; }
inline std::string as_text(std::string_view s) { return std::string(s); }
inline std::string as_text(const char* s) { return s ? s : ""; }
inline std::string as_text(const std::filesystem::path& p) { return p.string(); }
template <typename Number, typename = std::enable_if_t<std::is_arithmetic_v<Number>>>
std::string as_text(Number n) {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out << n;
  return out.str();
}

// `pattern` with {0}, {1}, ... replaced by the arguments, in any order; "{{" and "}}" are
// literal braces. A placeholder without an argument is kept as written.
std::string substitute(std::string_view pattern, const std::string* args, size_t count);

template <typename... Args>
std::string format(std::string_view pattern, const Args&... args) {
  const std::string texts[] = {std::string(), as_text(args)...};
  return substitute(pattern, texts + 1, sizeof...(Args));
}

}  // namespace afterglow::i18n
