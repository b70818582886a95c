// afterglow search QUERY: full-text search, grouped by conversation.
#include <iostream>
#include <nlohmann/json.hpp>

#include "afterglow/indexer/search.h"
#include "afterglow/model/errors.h"
#include "afterglow/model/local_time.h"
#include "afterglow/viewer/search_view.h"
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

// A snippet with its marks turned into colour, or into «» when colour is off.
std::string highlighted(const std::string& snippet, const viewer::Style& style) {
  std::string out, match;
  bool inside = false;
  for (char c : snippet) {
    if (c == indexer::kMarkStart) {
      inside = true;
    } else if (c == indexer::kMarkEnd) {
      out += style.enabled ? style.accent(match) : "\xC2\xAB" + match + "\xC2\xBB";
      match.clear();
      inside = false;
    } else {
      (inside ? match : out) += c;
    }
  }
  return out + match;
}

void print_results(std::ostream& out, const indexer::Results& results,
                   const SearchCommandOptions& options, bool colour) {
  const viewer::Style style{colour};
  for (const auto& group : viewer::hits_by_conversation(results)) {
    const indexer::Hit& best = *group.front();
    std::string model;
    for (const auto* h : group) {
      if (model.empty()) model = h->model;
    }
    out << style.bold(best.title.empty() ? "(untitled)" : best.title) << "  "
        << style.dim(best.create_time ? model::format_local(*best.create_time, "%Y-%m-%d")
                                      : "unknown date");
    if (!model.empty()) out << "  " << style.dim(model);
    out << "\n";
    for (const auto* h : group) {
      out << "  " << style.dim(h->role.empty() ? "?" : h->role);
      if (h->branch) out << style.dim(" (alternate version)");
      if (h->hidden) out << style.dim(" (hidden)");
      out << "  " << highlighted(h->snippet, style) << "\n";
    }
    out << "  " << style.dim("afterglow show " + best.conversation) << "\n\n";
  }
  if (results.hits.empty()) out << "No matches.\n";
  const int64_t shown_to = options.offset + static_cast<int64_t>(results.hits.size());
  if (!results.hits.empty()) {
    out << results.total << (results.total == 1 ? " match" : " matches");
    if (options.offset > 0 || shown_to < results.total) {
      out << ", showing " << options.offset + 1 << "-" << shown_to;
      if (shown_to < results.total) out << "; more with --offset " << shown_to;
    }
    out << "\n";
  }
  if (!results.did_you_mean.empty()) {
    out << "Did you mean: " << style.bold(results.did_you_mean) << "\n";
  }
}

}  // namespace

void add_search_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<SearchCommandOptions>();
  auto* cmd = app.add_subcommand("search", "Search every message (any language)");
  cmd->add_option("QUERY", options->words,
                  "Words and fields; put -- before a query that starts with -")
      ->required();
  cmd->add_option("--engine", options->engine,
                  "xapian: ranked words, stemming, CJK (default); fts5: exact substrings")
      ->check(CLI::IsMember({"xapian", "fts5"}));
  cmd->add_option("--limit", options->limit, "At most this many messages (default 20)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--offset", options->offset, "Skip this many first messages")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--sort", options->sort, "relevance (default), newest or oldest")
      ->check(CLI::IsMember({"relevance", "newest", "oldest"}));
  cmd->add_flag("--all", options->all, "Also alternate versions, hidden messages and reasoning");
  cmd->add_flag("--json", options->json, "Print one JSON object");
  cmd->footer(indexer::query_help());
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
        std::cerr << "afterglow: note: the search index could not be brought up to date ("
                  << e.what() << "); the newest messages may be missing from these results\n";
      }
      archive = context.open_for_reading();
    }
    auto results = indexer::search(*archive, query, search);
    if (options->json) {
      std::cout << viewer::search_results_json(results).dump(2) << "\n";
    } else {
      print_results(std::cout, results, *options, stdout_is_terminal());
    }
  });
}

}  // namespace afterglow::cli
