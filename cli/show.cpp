// afterglow show ID: one conversation as it happened.
#include <iostream>

#include "afterglow/viewer/conversation_view.h"
#include "commands.h"

namespace afterglow::cli {
namespace {

struct ShowOptions {
  std::string id;
  bool all = false;
  bool json = false;
};

}  // namespace

void add_show_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<ShowOptions>();
  auto* cmd = app.add_subcommand("show", "Show one conversation (its displayed thread)");
  cmd->add_option("ID", options->id, "Conversation id or a unique prefix of it")->required();
  cmd->add_flag("--all", options->all,
                "Also hidden, tool and reasoning messages, and alternate versions");
  cmd->add_flag("--json", options->json, "Print one JSON object");
  cmd->callback([options, &context] {
    auto archive = context.open_for_reading();
    auto stored = archive->load(archive->resolve_id(options->id));
    viewer::ShowOptions view{options->all, stdout_is_terminal() && !options->json};
    if (options->json) {
      std::cout << viewer::conversation_json(stored, view).dump(2) << "\n";
    } else {
      viewer::render_conversation_text(std::cout, stored, view);
    }
  });
}

}  // namespace afterglow::cli
