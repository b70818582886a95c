// The page `/` shows while the archive holds no conversation yet (the app's first run): what
// afterglow does, how to ask ChatGPT for the export, and where to drop it.
#pragma once

#include "page.h"

namespace afterglow::server {

PageContent welcome_page(const PageContext& context);

}  // namespace afterglow::server
