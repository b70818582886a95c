// afterglow export --original DIR: the export files exactly as they were imported.
#include <iostream>

#include "commands.h"

namespace afterglow::cli {

void add_export_command(CLI::App& app, Context& context) {
  auto dir = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("export", "Give back what the archive keeps");
  cmd->add_option("--original", *dir,
                  "Write the original export files, byte-identical, into this folder")
      ->required();
  cmd->callback([dir, &context] {
    auto archive = context.open_for_reading();
    archive->export_originals(*dir);
    auto files = archive->originals();
    int64_t bytes = 0;
    for (const auto& f : files) bytes += f.size;
    std::cout << "Wrote " << files.size() << " original files (" << bytes << " bytes) to " << *dir
              << "\n";
  });
}

}  // namespace afterglow::cli
