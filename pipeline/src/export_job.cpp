#include "afterglow/pipeline/export_job.h"

#include <algorithm>
#include <map>

#include "afterglow/i18n/translate.h"
#include "afterglow/indexer/search.h"
#include "afterglow/model/errors.h"
#include "afterglow/model/utf8_path.h"
#include "afterglow/platform/platform.h"
#include "afterglow/store/archive.h"

namespace afterglow::pipeline {
namespace fs = std::filesystem;
namespace {

// A conversation id or the start of one: 8 or more hex digits and dashes, nothing else. Such a
// selection names that conversation rather than searching for the word.
bool looks_like_id(const std::string& query) {
  if (query.size() < 8) return false;
  return std::all_of(query.begin(), query.end(), [](char ch) {
    return ch == '-' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') ||
           (ch >= 'A' && ch <= 'F');
  });
}

// A copy of a conversation the selection names (a conversation id held by two accounts is two
// copies), and the message of it the search matched best ("" when the selection was no search).
struct Selected {
  store::ConversationKey key;
  std::string matched_node;
};

// The conversations chosen, oldest first (then by id), so that an export of the same archive is
// the same every time.
std::vector<Selected> select(const store::Archive& archive, const std::string& query) {
  auto list = archive.list({});
  std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
    const double ta = a.create_time.value_or(0), tb = b.create_time.value_or(0);
    return ta != tb ? ta < tb : a.id < b.id;
  });
  auto key_of = [](const store::ConversationSummary& s) {
    return store::ConversationKey{s.source, s.account, s.id};
  };
  if (looks_like_id(query)) {
    try {
      return {{archive.resolve(query, std::nullopt), {}}};
    } catch (const store::AmbiguousConversation& e) {
      std::vector<Selected> copies;  // every account's copy of that id
      for (const auto& key : e.candidates) copies.push_back({key, {}});
      return copies;
    } catch (const NotFound&) {
      // Not an id after all: searched for like any word.
    }
  }
  if (!query.empty()) {
    indexer::SearchOptions search;
    search.limit = 1'000'000;
    search.per_conversation = 1;
    std::map<std::string, std::string> matching;  // copy → its best hit's node
    for (const auto& hit : indexer::search(archive, query, search).hits) {
      matching.emplace(hit.source + "/" + hit.account + "/" + hit.conversation, hit.node);
    }
    std::vector<Selected> chosen;
    for (const auto& s : list) {
      if (auto it = matching.find(s.source + "/" + s.account + "/" + s.id); it != matching.end()) {
        chosen.push_back({key_of(s), it->second});
      }
    }
    return chosen;
  }
  std::vector<Selected> chosen;
  chosen.reserve(list.size());
  for (const auto& s : list) chosen.push_back({key_of(s), {}});
  return chosen;
}

// The language asked for; none: each conversation is written in its own main language.
std::optional<viewer::Lang> chosen_lang(const std::string& lang) {
  if (lang == "zh") return viewer::Lang::zh;
  if (lang == "en") return viewer::Lang::en;
  return std::nullopt;
}

// The temporary folder beside the destination, removed however the job ends unless it was
// renamed into place.
struct Staging {
  fs::path folder;
  ~Staging() {
    std::error_code ignored;
    if (!folder.empty()) fs::remove_all(folder, ignored);
  }
};

fs::path parent_of(const fs::path& out) {
  auto parent = out.parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

}  // namespace

const char* to_string(ExportPhase phase) {
  switch (phase) {
    case ExportPhase::selecting:
      return "selecting";
    case ExportPhase::writing:
      return "writing";
    case ExportPhase::finished:
      break;
  }
  return "finished";
}

void check_export_request(const ExportRequest& r) {
  if (r.out.empty()) {
    throw InputError(
        i18n::_("export: say where to write it: --out DIR (--out FILE for jsonl and epub)"));
  }
  if (r.budget != 0 && r.format != exporter::Format::packet) {
    throw InputError(i18n::_("--budget: only the packet has a size; use it with --format packet"));
  }
  if (r.format == exporter::Format::packet && r.budget != 0 && r.budget < kMinimumPacketBudget) {
    throw InputError(i18n::format(i18n::_("--budget {0}: too small; a packet needs at least {1} "
                                          "characters"),
                                  r.budget, kMinimumPacketBudget));
  }
  const auto out = utf8_string(r.out);
  std::error_code error;
  if (fs::is_directory(r.out, error) && !exporter::writes_one_file(r.format)) {
    if (!fs::is_empty(r.out, error)) {
      throw InputError(i18n::format(
          i18n::_("{0}: this folder is not empty; choose a new or empty folder"), out));
    }
  } else if (fs::exists(r.out, error)) {
    throw InputError(
        i18n::format(i18n::_("{0}: already exists; choose a name that is not taken"), out));
  }
  if (!fs::is_directory(parent_of(r.out), error)) {
    throw InputError(i18n::format(i18n::_("{0}: the folder it would go in does not exist"), out));
  }
}

ExportResult run_export(const fs::path& archive_path, const ExportRequest& r,
                        const ExportProgressFn& progress, const CancelFlag* cancel) {
  check_export_request(r);
  ExportProgress state;
  auto report = [&] {
    if (progress) progress(state);
  };
  auto check_cancel = [cancel] {
    if (cancel) cancel->check();
  };
  report();
  if (!fs::exists(archive_path)) {
    throw ArchiveError(
        utf8_string(archive_path) +
        ": no archive here yet; import an export first: afterglow import EXPORT.zip");
  }
  auto archive = store::Archive::open(archive_path, store::Archive::Mode::read_only);
  if (!r.query.empty() && !indexer::index_is_current(*archive, indexer::Engine::xapian)) {
    // The search index is derived from the archive: bring it up to date rather than fail.
    archive.reset();
    indexer::update_indexes(*store::Archive::open(archive_path, store::Archive::Mode::read_write));
    archive = store::Archive::open(archive_path, store::Archive::Mode::read_only);
  }
  const auto chosen = select(*archive, r.query);
  if (chosen.empty()) {
    throw Error(
        r.query.empty()
            ? i18n::_("the archive holds no conversation yet; nothing to export")
            : i18n::format(i18n::_("{0}: no conversation matches; nothing was written"), r.query),
        ErrorCode::nothing_selected);
  }
  check_cancel();

  Staging staging;
  try {
    staging.folder = platform::make_private_temp_dir(".afterglow-export-", parent_of(r.out));
  } catch (const Error& e) {
    throw InputError(
        i18n::format(i18n::_("{0}: cannot write here ({1})"), utf8_string(r.out), e.what()),
        ErrorCode::archive_read_only);
  }
  const bool one_file = exporter::writes_one_file(r.format);
  const fs::path staged =
      one_file ? staging.folder / (std::string("export.") + exporter::to_string(r.format))
               : staging.folder / "export";
  if (!one_file) fs::create_directory(staged);

  exporter::ExportOptions options;
  options.format = r.format;
  options.lang = chosen_lang(r.lang);
  options.budget = r.budget;
  auto writer = exporter::make_writer(*archive, options, staged);
  state.phase = ExportPhase::writing;
  state.total = chosen.size();
  for (const auto& selected : chosen) {
    check_cancel();
    writer->set_match(selected.matched_node);
    writer->add(archive->load(selected.key));
    ++state.done;
    report();
  }
  writer->finish();
  check_cancel();
  // The destination appears whole or not at all: an empty folder given as --out is replaced.
  std::error_code error;
  if (!one_file && fs::is_directory(r.out, error)) fs::remove(r.out, error);
  fs::rename(staged, r.out, error);
  if (error) {
    throw Error(
        i18n::format(i18n::_("{0}: cannot write here ({1})"), utf8_string(r.out), error.message()),
        ErrorCode::archive_read_only);
  }
  state.phase = ExportPhase::finished;
  report();
  return {r.out, r.format, writer->counts()};
}

}  // namespace afterglow::pipeline
