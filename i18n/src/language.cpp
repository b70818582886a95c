#include "afterglow/i18n/language.h"

// libintl.h first: where the C library has no LC_MESSAGES (Windows) it defines it and replaces
// setlocale by its own, which is why setlocale is called unqualified below.
#include <libintl.h>
#include <locale.h>

#include <cstdlib>
#include <string>

#include "afterglow/platform/platform.h"

namespace afterglow::i18n {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDomain = "afterglow";

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

// True when `folder` holds a catalog of afterglow for at least one language.
bool holds_catalogs(const fs::path& folder) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (fs::exists(entry.path() / "LC_MESSAGES" / "afterglow.mo", ec)) return true;
  }
  return false;
}

// The language the user's locale variables ask for, by POSIX precedence; empty for none or "C".
std::string requested_locale() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    std::string value = environment(name);
    if (value.empty()) continue;
    if (value == "C" || value == "POSIX" || value.rfind("C.", 0) == 0) return "";
    return value;
  }
  return "";
}

}  // namespace

std::optional<fs::path> find_catalog_folder() {
  if (std::string forced = environment("AFTERGLOW_LOCALEDIR"); !forced.empty()) return forced;
  const fs::path program = platform::executable_path();
  if (!program.empty()) {
    const fs::path dir = program.parent_path();
    for (const fs::path& candidate :
         {dir / "locale", dir.parent_path() / "locale", dir.parent_path() / "share" / "locale"}) {
      if (holds_catalogs(candidate)) return candidate;
    }
  }
#ifdef AFTERGLOW_INSTALL_LOCALEDIR
  if (holds_catalogs(AFTERGLOW_INSTALL_LOCALEDIR)) return fs::path(AFTERGLOW_INSTALL_LOCALEDIR);
#endif
  return std::nullopt;
}

void use_the_users_language() {
  // UTF-8 is the only character set afterglow reads and writes; the console is made to show it
  // (platform::prepare_console). Where "C.UTF-8" does not exist the "C" character set stays,
  // and the catalogs still come out in UTF-8 (bind_textdomain_codeset below).
  setlocale(LC_CTYPE, "C.UTF-8");
  if (!setlocale(LC_MESSAGES, "")) {
    // The locale LANG (or LC_ALL, LC_MESSAGES) names is not installed here, as on many minimal
    // systems and containers. glibc would then stay in "C", where it ignores LANGUAGE and every
    // catalog. "C.UTF-8" is always there and, unlike "C", lets LANGUAGE choose the catalog; when
    // LANGUAGE is unset it is given the language the user asked for, so that LANG=zh_CN.UTF-8
    // means Chinese messages whether or not the zh_CN locale was generated.
    setlocale(LC_MESSAGES, "C.UTF-8");
    std::string requested = requested_locale();
    if (!requested.empty() && environment("LANGUAGE").empty()) {
      platform::set_environment("LANGUAGE", requested);
    }
  }
  if (auto folder = find_catalog_folder()) {
    bindtextdomain(kDomain, folder->string().c_str());
  }
  bind_textdomain_codeset(kDomain, "UTF-8");
  textdomain(kDomain);
}

}  // namespace afterglow::i18n
