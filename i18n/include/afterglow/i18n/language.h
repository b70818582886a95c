// Choosing the language of the program's messages at start-up.
#pragma once

#include <filesystem>
#include <optional>

namespace afterglow::i18n {

// Makes the messages follow the user's language: LANGUAGE, LC_ALL, LC_MESSAGES and LANG, by
// gettext's usual rules; English when none names a language with a catalog. Only the messages
// (LC_MESSAGES) and the character set (LC_CTYPE, UTF-8) change: numbers, dates and sorting stay
// "C" so that nothing afterglow stores or prints for machines depends on the locale.
// Call once, first thing in main(), before any message is translated.
void use_the_users_language();

// Where the compiled catalogs (LANG/LC_MESSAGES/afterglow.mo) are: $AFTERGLOW_LOCALEDIR when
// set; else, relative to the executable, locale/ beside it (Windows), ../locale (the build
// tree) or ../share/locale (an installation); else the installation's locale folder.
std::optional<std::filesystem::path> find_catalog_folder();

}  // namespace afterglow::i18n
