// The part of the welcome page and of /import that takes an export: the drop zone, the file
// button and the path field, then (driven by app-import.js) the progress, the summary or the
// error. On a read-only server, the command that imports instead.
#pragma once

#include <string>

#include "page.h"

namespace afterglow::server {

std::string import_panel_html(const PageContext& context);

// The scripts a page with the panel loads.
inline const std::vector<std::string> kImportScripts = {"app-common.js", "app-import.js"};

}  // namespace afterglow::server
