#include "keepsake_support.h"

#include <fstream>
#include <sstream>

#include "afterglow/model/errors.h"
#include "afterglow/model/utf8_path.h"

namespace afterglow::cli {

std::unique_ptr<store::Archive> open_for_keeping(const Context& context) {
  const auto path = context.archive_path();
  // Not opened for reading first: that would refuse an archive of an older format, which this
  // write brings up to date.
  if (!std::filesystem::exists(path)) context.open_for_reading();  // says how to make one
  return store::Archive::open(path, store::Archive::Mode::read_write);
}

std::string text_argument(const std::string& text, const std::string& file, bool text_given) {
  if (text_given && !file.empty()) {
    throw InputError(_("give the text or --file FILE, not both"));
  }
  if (file.empty()) {
    if (!text_given || text.empty()) throw InputError(_("give the text, or --file FILE"));
    return text;
  }
  std::ifstream in(utf8_path(file), std::ios::binary);
  if (!in) throw InputError(i18n::format(_("{0}: cannot be opened"), file));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) throw InputError(i18n::format(_("{0}: cannot be read"), file));
  std::string out = bytes.str();
  if (out.ends_with("\r\n")) {
    out.resize(out.size() - 2);
  } else if (out.ends_with("\n")) {
    out.pop_back();
  }
  if (out.empty()) throw InputError(i18n::format(_("{0}: the file is empty"), file));
  return out;
}

std::string conversation_title(const store::Archive& archive, const std::string& conversation_id) {
  const std::string title = archive.load(conversation_id).conversation.title;
  return title.empty() ? _("(untitled)") : title;
}

}  // namespace afterglow::cli
