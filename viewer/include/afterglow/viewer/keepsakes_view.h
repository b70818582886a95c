// `afterglow keepsakes`: the person's stars, notes, letters and resting conversations, as
// terminal text in their language and as JSON (English keys, never translated).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "afterglow/store/keepsakes.h"

namespace afterglow::viewer {

void render_keepsakes_text(std::ostream& out, const store::Keepsakes& keepsakes, bool color);
nlohmann::json keepsakes_json(const store::Keepsakes& keepsakes);

}  // namespace afterglow::viewer
