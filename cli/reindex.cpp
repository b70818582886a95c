// afterglow reindex: rebuild both search indexes from the archive. Also the incremental update
// that import and search use to keep them current.
#include <cstdio>
#include <iostream>

#include "afterglow/indexer/search.h"
#include "commands.h"

namespace afterglow::cli {
namespace {

// One self-erasing line on stderr while indexing, when stderr is a terminal.
indexer::IndexProgressFn progress_line(bool enabled) {
  if (!enabled) return {};
  return [](const indexer::IndexProgress& p) {
    const std::string line = i18n::format(_("Indexing for search ({0}): {1} / {2} messages"),
                                          indexer::to_string(p.engine), p.done, p.total);
    std::fprintf(stderr, "\r\x1b[K%s", line.c_str());
    std::fflush(stderr);
  };
}

void clear_progress_line(bool enabled) {
  if (!enabled) return;
  std::fprintf(stderr, "\r\x1b[K");
  std::fflush(stderr);
}

}  // namespace

void update_search_indexes(store::Archive& archive, bool show_progress) {
  indexer::update_indexes(archive, progress_line(show_progress));
  clear_progress_line(show_progress);
  archive.checkpoint();
}

void add_reindex_command(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand(
      "reindex", _("Rebuild the search indexes (Xapian folder and FTS5 tables) from the archive"));
  cmd->callback([&context] {
    context.open_for_reading();  // a clear error when there is no archive yet
    auto archive = store::Archive::open(context.archive_path(), store::Archive::Mode::read_write);
    const bool progress = stderr_is_terminal();
    auto done = indexer::rebuild_indexes(*archive, progress_line(progress));
    clear_progress_line(progress);
    archive->checkpoint();
    std::cout << i18n::format(_("Rebuilt the search indexes: {0} messages in Xapian ({1}), {2} in "
                                "FTS5 (inside the archive)."),
                              done.xapian_messages, indexer::xapian_path(archive->path()),
                              done.fts5_messages)
              << "\n";
  });
}

}  // namespace afterglow::cli
