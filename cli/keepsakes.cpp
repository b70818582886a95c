// afterglow keepsakes [--json]: everything the person kept — stars, notes, letters, rests — and
// the registration of the commands that write them.
#include <iostream>

#include "afterglow/store/keepsakes.h"
#include "afterglow/viewer/keepsakes_view.h"
#include "keepsake_support.h"

namespace afterglow::cli {

void add_keepsake_commands(CLI::App& app, Context& context) {
  add_star_commands(app, context);
  add_note_command(app, context);
  add_letter_command(app, context);
  add_rest_commands(app, context);

  auto json = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand(
      "keepsakes", _("List your starred messages, notes, letters and conversations at rest"));
  cmd->add_flag("--json", *json, _("Print one JSON object"));
  cmd->callback([json, &context] {
    auto archive = context.open_for_reading();
    const store::Keepsakes kept = store::keepsakes(*archive);
    if (*json) {
      std::cout << viewer::keepsakes_json(kept).dump(2) << "\n";
    } else {
      viewer::render_keepsakes_text(std::cout, kept, stdout_is_terminal());
    }
  });
}

}  // namespace afterglow::cli
