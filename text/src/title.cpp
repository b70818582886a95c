#include "afterglow/text/title.h"

#include "afterglow/text/cut.h"

namespace afterglow::text {

std::string display_title(std::string_view title, std::string_view first_user_text) {
  if (!title.empty()) return std::string(title);
  return first_line(first_user_text, kTitleCharacters);
}

}  // namespace afterglow::text
