// The card a running job (an import, a book) is shown in: its phase, a bar, what has been done
// and the time left, and Cancel. The page's script fills it in; its ids start with `job`
// ("import-phase", "book-bar", …).
#pragma once

#include <string>

#include "words.h"

namespace afterglow::server {

std::string job_progress_html(Lang lang, const std::string& job);

}  // namespace afterglow::server
