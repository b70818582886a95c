// afterglow star NODE / unstar NODE: keep a message among the person's keepsakes.
#include <iostream>

#include "afterglow/store/keepsakes.h"
#include "keepsake_support.h"

namespace afterglow::cli {
namespace {

void star_or_unstar(const Context& context, const std::string& node, bool starring) {
  auto archive = open_for_keeping(context);
  const store::MessageRef message = store::resolve_message(*archive, node);
  const std::string title = conversation_title(*archive, message.conversation_id);
  if (starring) {
    std::cout << (store::star(*archive, message)
                      ? i18n::format(_("Starred message {0} in “{1}”."), message.node_id, title)
                      : i18n::format(_("Message {0} in “{1}” was already starred."),
                                     message.node_id, title))
              << "\n";
  } else {
    std::cout << (store::unstar(*archive, message)
                      ? i18n::format(_("Unstarred message {0} in “{1}”."), message.node_id, title)
                      : i18n::format(_("Message {0} in “{1}” was not starred."), message.node_id,
                                     title))
              << "\n";
  }
}

}  // namespace

void add_star_commands(CLI::App& app, Context& context) {
  auto node = std::make_shared<std::string>();
  auto* star = app.add_subcommand("star", _("Star a message, to keep it among your keepsakes"));
  star->add_option("NODE", *node, _("Message id (as `show --json` gives it) or a unique prefix"))
      ->required();
  star->callback([node, &context] { star_or_unstar(context, *node, true); });

  auto* unstar = app.add_subcommand("unstar", _("Take the star off a message"));
  unstar->add_option("NODE", *node, _("Message id (as `show --json` gives it) or a unique prefix"))
      ->required();
  unstar->callback([node, &context] { star_or_unstar(context, *node, false); });
}

}  // namespace afterglow::cli
