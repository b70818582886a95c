// A conversation as one line of a list (home, all conversations).
#pragma once

#include <string>

#include "afterglow/store/archive.h"
#include "words.h"

namespace afterglow::server {

// Its own title, else the opening of the first user message, else "Untitled".
std::string summary_title(const store::ConversationSummary& summary, Lang lang);
// <li><a href="/c/ID?account=ACCOUNT">title · date · model · n messages</a></li>
std::string summary_item_html(const store::ConversationSummary& summary, Lang lang,
                              const std::string& note = "");

}  // namespace afterglow::server
