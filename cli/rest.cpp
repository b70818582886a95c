// afterglow rest CONV / wake CONV: leave a conversation out of the home page, "on this day" and
// the book (unless asked for), and bring it back.
#include <iostream>

#include "afterglow/store/keepsakes.h"
#include "keepsake_support.h"

namespace afterglow::cli {

void add_rest_commands(CLI::App& app, Context& context) {
  auto id = std::make_shared<std::string>();
  auto* rest = app.add_subcommand(
      "rest", _("Put a conversation to rest: left out of the home page, “on this day” and the "
                "book unless you ask for it"));
  rest->add_option("CONV", *id, _("Conversation id or a unique prefix of it"))->required();
  rest->callback([id, &context] {
    auto archive = open_for_keeping(context);
    const std::string conversation = archive->resolve_id(*id);
    const std::string title = conversation_title(*archive, conversation);
    std::cout << (store::rest(*archive, conversation)
                      ? i18n::format(_("“{0}” is at rest; `afterglow wake {1}` brings it back."),
                                     title, conversation)
                      : i18n::format(_("“{0}” was already at rest."), title))
              << "\n";
  });

  auto* wake = app.add_subcommand("wake", _("Bring a conversation at rest back"));
  wake->add_option("CONV", *id, _("Conversation id or a unique prefix of it"))->required();
  wake->callback([id, &context] {
    auto archive = open_for_keeping(context);
    const std::string conversation = archive->resolve_id(*id);
    const std::string title = conversation_title(*archive, conversation);
    std::cout << (store::wake(*archive, conversation)
                      ? i18n::format(_("“{0}” is back among the others."), title)
                      : i18n::format(_("“{0}” was not at rest."), title))
              << "\n";
  });
}

}  // namespace afterglow::cli
