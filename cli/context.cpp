#include <cstdlib>

#include "afterglow/model/errors.h"
#include "afterglow/model/utf8_path.h"
#include "afterglow/platform/platform.h"
#include "commands.h"

namespace afterglow::cli {

std::filesystem::path Context::archive_path() const {
  if (!archive_option.empty()) return utf8_path(archive_option);
  if (const char* env = std::getenv("AFTERGLOW_ARCHIVE"); env && *env) return utf8_path(env);
  return platform::user_data_dir() / "archive.afterglow";
}

std::unique_ptr<store::Archive> Context::open_for_reading() const {
  auto path = archive_path();
  if (!std::filesystem::exists(path)) {
    throw ArchiveError(i18n::format(
        _("{0}: no archive here yet; import an export first: afterglow import EXPORT.zip"), path));
  }
  return store::Archive::open(path, store::Archive::Mode::read_only);
}

bool stdout_is_terminal() { return platform::is_terminal(platform::Stream::out); }
bool stderr_is_terminal() { return platform::is_terminal(platform::Stream::err); }

}  // namespace afterglow::cli
