// The words the app's scripts put on the page as an import or a book goes on (phases, progress,
// the summary, one friendly sentence per error code), in one table like words.cpp. A page hands
// its script the words of its language as JSON, so the language is chosen once, by the server.
#pragma once

#include <string>

#include "words.h"

namespace afterglow::server {

// A <script type="application/json" id="app-words"> element holding every script word of `lang`
// as {"key": "text"}. Keys ending in "_one" and "_other" are the singular and plural of one
// phrase; "{name}" marks where the script puts a value.
std::string script_words_element(Lang lang);

}  // namespace afterglow::server
