// afterglow note TARGET TEXT|--file F: a private note on a message or a whole conversation.
#include <iostream>

#include "afterglow/store/keepsakes.h"
#include "keepsake_support.h"

namespace afterglow::cli {
namespace {

struct NoteOptions {
  std::string target, text, file;
  bool remove = false;
};

std::string target_words(const store::NoteTarget& target, const std::string& title) {
  return target.node_id.empty() ? i18n::format(_("“{0}”"), title)
                                : i18n::format(_("message {0} in “{1}”"), target.node_id, title);
}

}  // namespace

void add_note_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<NoteOptions>();
  auto* cmd = app.add_subcommand(
      "note", _("Write a private note on a message or a conversation (a new note replaces the "
                "old one)"));
  cmd->add_option("TARGET", options->target,
                  _("Conversation id, or message id, or a unique prefix of either"))
      ->required();
  auto* text = cmd->add_option("TEXT", options->text, _("The note's text"));
  cmd->add_option("--file", options->file, _("Read the note's text from this file"));
  cmd->add_flag("--remove", options->remove, _("Remove the note instead"));
  cmd->callback([options, text, &context] {
    // The text is read first: a missing file changes nothing, not even the archive's format.
    const std::string note =
        options->remove ? "" : text_argument(options->text, options->file, text->count() > 0);
    auto archive = open_for_keeping(context);
    const store::NoteTarget target = store::resolve_note_target(*archive, options->target);
    const std::string words =
        target_words(target, conversation_title(*archive, target.conversation_id));
    if (options->remove) {
      std::cout << (store::remove_note(*archive, target)
                        ? i18n::format(_("Removed the note on {0}."), words)
                        : i18n::format(_("There was no note on {0}."), words))
                << "\n";
      return;
    }
    store::set_note(*archive, target, note);
    std::cout << i18n::format(_("Kept your note on {0}."), words) << "\n";
  });
}

}  // namespace afterglow::cli
