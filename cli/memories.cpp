// afterglow memories [--json]: the timeline of what the companion remembered about the person.
#include <iostream>

#include "afterglow/store/memories.h"
#include "afterglow/viewer/memory_records_view.h"
#include "afterglow/viewer/terminal_text.h"
#include "commands.h"

namespace afterglow::cli {

void add_memories_command(CLI::App& app, Context& context) {
  auto json = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand(
      "memories",
      _("List what it remembered about you: every memory write, memory snapshot and change of "
        "custom instructions, oldest first, with the conversation and message where it "
        "happened"));
  cmd->add_flag("--json", *json, _("Print one JSON object"));
  cmd->callback([json, &context] {
    auto archive = context.open_for_reading();
    const auto records = store::memory_records(*archive);
    if (*json) {
      std::cout << viewer::terminal_json(
                       viewer::memory_records_json(records, store::projects(*archive)), 2)
                << "\n";
    } else {
      viewer::render_memory_records_text(std::cout, records, stdout_is_terminal());
    }
  });
}

}  // namespace afterglow::cli
