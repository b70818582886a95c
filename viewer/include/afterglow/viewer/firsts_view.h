// `afterglow firsts`: the first conversation, the last ones with each retired model, and "on
// this day" in every year, as terminal text in the person's language and as JSON (English keys,
// never translated).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "afterglow/store/firsts.h"

namespace afterglow::viewer {

void render_firsts_text(std::ostream& out, const store::Firsts& firsts, bool color);
nlohmann::json firsts_json(const store::Firsts& firsts);

}  // namespace afterglow::viewer
