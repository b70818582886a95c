// afterglow search QUERY: full-text search, grouped by conversation.
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "afterglow/indexer/search.h"
#include "afterglow/model/errors.h"
#include "afterglow/model/local_time.h"
#include "afterglow/viewer/search_view.h"
#include "afterglow/viewer/terminal_text.h"
#include "afterglow/viewer/text_style.h"
#include "commands.h"

namespace afterglow::cli {
namespace {

struct SearchCommandOptions {
  std::vector<std::string> words;
  std::string engine = "xapian";
  std::string sort = "relevance";
  int64_t limit = 20;
  int64_t offset = 0;
  bool all = false;
  bool json = false;
};

// Best snippets shown per conversation.
constexpr int kPerConversation = 3;

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// A snippet with its marks turned into colour, or into «» when colour is off; the text between
// them made terminal-safe (the marks themselves are control characters, so this is done piece by
// piece).
std::string highlighted(const std::string& snippet, const viewer::Style& style) {
  std::string out, plain, match;
  bool inside = false;
  for (char c : snippet) {
    if (c == indexer::kMarkStart) {
      out += viewer::terminal_text(plain);
      plain.clear();
      inside = true;
    } else if (c == indexer::kMarkEnd) {
      out += style.enabled ? style.accent(match)
                           : "\xC2\xAB" + viewer::terminal_text(match) + "\xC2\xBB";
      match.clear();
      inside = false;
    } else {
      (inside ? match : plain) += c;
    }
  }
  return out + viewer::terminal_text(plain + match);
}

// The conversation ids among the hits that more than one account holds: their `show` hint
// names the account.
std::set<std::string> ids_held_twice(const store::Archive& archive,
                                     const indexer::Results& results) {
  std::set<std::string> out;
  for (const auto& hit : results.hits) {
    if (out.contains(hit.conversation)) continue;
    try {
      archive.resolve(hit.conversation, std::nullopt);
    } catch (const store::AmbiguousConversation&) {
      out.insert(hit.conversation);
    } catch (const NotFound&) {
      // Imported after the index saw it and gone since: the hint stays plain.
    }
  }
  return out;
}

void print_results(std::ostream& out, const indexer::Results& results,
                   const SearchCommandOptions& options, bool colour,
                   const std::set<std::string>& shared_ids) {
  const viewer::Style style{colour};
  for (const auto& group : viewer::hits_by_conversation(results)) {
    const indexer::Hit& best = *group.front();
    std::string model;
    for (const auto* h : group) {
      if (model.empty()) model = h->model;
    }
    out << style.bold(best.title.empty() ? _("(untitled)") : best.title) << "  "
        << style.dim(best.create_time ? model::format_local(*best.create_time, "%Y-%m-%d")
                                      : _("unknown date"));
    if (!model.empty()) out << "  " << style.dim(model);
    out << "\n";
    for (const auto* h : group) {
      out << "  " << style.dim(h->role.empty() ? "?" : h->role);
      if (h->branch) out << style.dim(_(" (alternate version)"));
      if (h->hidden) out << style.dim(_(" (hidden)"));
      out << "  " << highlighted(h->snippet, style) << "\n";
    }
    // The account too when another account holds the same conversation id.
    std::string show = "afterglow show " + best.conversation;
    if (shared_ids.contains(best.conversation))
      show += " --account " + (best.account.empty() ? "''" : best.account);
    out << "  " << style.dim(show) << "\n\n";
  }
  if (results.hits.empty()) out << _("No matches.") << "\n";
  const int64_t shown_to = options.offset + static_cast<int64_t>(results.hits.size());
  if (!results.hits.empty()) {
    out << i18n::format(plural("{0} match", "{0} matches", results.total), results.total);
    if (options.offset > 0 || shown_to < results.total) {
      out << i18n::format(_(", showing {0}-{1}"), options.offset + 1, shown_to);
      if (shown_to < results.total) out << i18n::format(_("; more with --offset {0}"), shown_to);
    }
    out << "\n";
  }
  if (!results.did_you_mean.empty()) {
    out << i18n::format(_("Did you mean: {0}"), style.bold(results.did_you_mean)) << "\n";
  }
}

}  // namespace

void add_search_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<SearchCommandOptions>();
  auto* cmd = app.add_subcommand("search", _("Search every message (any language)"));
  cmd->add_option("QUERY", options->words,
                  _("Words and fields; put -- before a query that starts with -"))
      ->required();
  cmd->add_option("--engine", options->engine,
                  _("xapian: ranked words, stemming, CJK (default); fts5: exact substrings"))
      ->check(CLI::IsMember({"xapian", "fts5"}));
  cmd->add_option("--limit", options->limit, _("At most this many messages (default 20)"))
      ->check(CLI::PositiveNumber);
  cmd->add_option("--offset", options->offset, _("Skip this many first messages"))
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--sort", options->sort, _("relevance (default), newest or oldest"))
      ->check(CLI::IsMember({"relevance", "newest", "oldest"}));
  cmd->add_flag("--all", options->all, _("Also alternate versions, hidden messages and reasoning"));
  cmd->add_flag("--json", options->json, _("Print one JSON object"));
  cmd->footer(indexer::query_help([](const char* english) { return std::string(_(english)); }));
  cmd->callback([options, &context] {
    const std::string query = join(options->words);
    indexer::parse_query(query);  // a malformed query fails before the archive is touched

    indexer::SearchOptions search;
    search.engine = options->engine == "fts5" ? indexer::Engine::fts5 : indexer::Engine::xapian;
    search.sort = options->sort == "newest"   ? indexer::Sort::newest
                  : options->sort == "oldest" ? indexer::Sort::oldest
                                              : indexer::Sort::relevance;
    search.limit = options->limit;
    search.offset = options->offset;
    search.include_all = options->all;
    search.per_conversation = kPerConversation;
    search.facets = options->json;  // the text output shows none

    auto archive = context.open_for_reading();
    if (!indexer::index_is_current(*archive, search.engine)) {
      // The indexes are derived: bring them up to date rather than fail.
      archive.reset();
      try {
        auto writable =
            store::Archive::open(context.archive_path(), store::Archive::Mode::read_write);
        update_search_indexes(*writable, stderr_is_terminal() && !options->json);
      } catch (const ArchiveError& e) {
        // Most often an import is writing right now and holds the locks: search what the index
        // already has (consistent, a little behind) rather than fail; it catches up later.
        archive = context.open_for_reading();
        try {
          indexer::search(*archive, query, search);
        } catch (const ArchiveError&) {
          throw e;
        }
        std::cerr << "afterglow: "
                  << i18n::format(_("note: the search index could not be brought up to date "
                                    "({0}); the newest messages may be missing from these "
                                    "results"),
                                  e.what())
                  << "\n";
      }
      archive = context.open_for_reading();
    }
    auto results = indexer::search(*archive, query, search);
    if (options->json) {
      std::cout << viewer::terminal_json(viewer::search_results_json(results), 2) << "\n";
    } else {
      print_results(std::cout, results, *options, stdout_is_terminal(),
                    ids_held_twice(*archive, results));
    }
  });
}

}  // namespace afterglow::cli
