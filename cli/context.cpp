#include <unistd.h>

#include <cstdlib>

#include "afterglow/model/errors.h"
#include "commands.h"

namespace afterglow::cli {

std::filesystem::path Context::archive_path() const {
  if (!archive_option.empty()) return archive_option;
  if (const char* env = std::getenv("AFTERGLOW_ARCHIVE"); env && *env) return env;
  std::filesystem::path data;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    data = xdg;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    data = std::filesystem::path(home) / ".local" / "share";
  } else {
    data = ".";
  }
  return data / "afterglow" / "archive.afterglow";
}

std::unique_ptr<store::Archive> Context::open_for_reading() const {
  auto path = archive_path();
  if (!std::filesystem::exists(path)) {
    throw ArchiveError(
        path.string() +
        ": no archive here yet; import an export first: afterglow import EXPORT.zip");
  }
  return store::Archive::open(path, store::Archive::Mode::read_only);
}

bool stdout_is_terminal() { return isatty(STDOUT_FILENO) == 1; }
bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

}  // namespace afterglow::cli
