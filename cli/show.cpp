// afterglow show ID: one conversation as it happened.
#include <iostream>

#include "afterglow/viewer/conversation_view.h"
#include "afterglow/viewer/terminal_text.h"
#include "commands.h"

namespace afterglow::cli {
namespace {

struct ShowOptions {
  std::string id;
  std::string account;
  bool all = false;
  bool json = false;
};

}  // namespace

void add_show_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<ShowOptions>();
  auto* cmd = app.add_subcommand("show", _("Show one conversation (its displayed thread)"));
  cmd->add_option("ID", options->id, _("Conversation id or a unique prefix of it"))->required();
  auto* account = cmd->add_option(
      "--account", options->account,
      _("The account whose copy to show, when several accounts hold this conversation"));
  cmd->add_flag("--all", options->all,
                _("Also hidden, tool and reasoning messages, and alternate versions"));
  cmd->add_flag("--json", options->json, _("Print one JSON object"));
  cmd->callback([options, account, &context] {
    auto archive = context.open_for_reading();
    std::optional<std::string> wanted;
    if (account->count() > 0) wanted = options->account;
    store::ConversationKey key;
    try {
      key = archive->resolve(options->id, wanted);
    } catch (const store::AmbiguousConversation& several) {
      std::string accounts;
      for (const auto& copy : several.candidates) {
        accounts += (accounts.empty() ? "" : ", ") + (copy.account.empty() ? "''" : copy.account);
      }
      std::cerr << "afterglow: "
                << i18n::format(_("'{0}' is held by several accounts ({1}); choose one with "
                                  "--account, e.g. afterglow show {0} --account {2}"),
                                options->id, accounts,
                                several.candidates.front().account.empty()
                                    ? "''"
                                    : several.candidates.front().account)
                << "\n";
      throw Exit{2};
    }
    auto stored = archive->load(key);
    viewer::ShowOptions view{options->all, stdout_is_terminal() && !options->json};
    if (options->json) {
      std::cout << viewer::terminal_json(viewer::conversation_json(stored, view), 2) << "\n";
    } else {
      viewer::render_conversation_text(std::cout, stored, view);
    }
  });
}

}  // namespace afterglow::cli
