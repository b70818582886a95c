// The card a running job (an import, a book, an export) is shown in: its phase, a bar, what has
// been done and the time left, and Cancel; for a job that makes a file, the card that offers it
// when it is ready; and the pieces of the forms that start them. The page's script fills them in;
// their ids start with `job` ("import-phase", "book-bar", …).
#pragma once

#include <string>

#include "words.h"

namespace afterglow::server {

std::string job_progress_html(Lang lang, const std::string& job);

// The finished job's summary, its download (`download`) and a button to start again (`again`),
// then the line that tells what went wrong; all hidden until the script shows one.
std::string job_result_html(Lang lang, const std::string& job, Word download, Word again);

// A radio button of `group` with its label, and an <option> of a select.
std::string form_radio(Lang lang, const char* group, const char* value, Word label, bool checked);
std::string form_option(Lang lang, const char* value, Word label);

}  // namespace afterglow::server
