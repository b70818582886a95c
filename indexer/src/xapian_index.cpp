// The Xapian engine: one document per message, in shards inside a folder beside the archive
// (xapian_shards.h), searched as one database.
#include <xapian.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "afterglow/indexer/index.h"
#include "afterglow/model/errors.h"
#include "afterglow/model/local_time.h"
#include "document_terms.h"
#include "snippet.h"
#include "text_normalise.h"
#include "xapian_document.h"
#include "xapian_query.h"
#include "xapian_shards.h"

namespace afterglow::indexer {
namespace {

// Metadata keys, in every shard; docs/FORMAT.md lists them.
constexpr const char* kFormatKey = "afterglow.format";
constexpr const char* kSchemaKey = "afterglow.schema";
constexpr const char* kStemmerKey = "afterglow.stemmer";
constexpr const char* kCjkKey = "afterglow.cjk";
// Bumped when the way documents are built changes, so an old folder is rebuilt.
// 2: shards; no stemmed twins of CJK n-grams; spelling data from English words only.
// 3: shown and hidden shard groups instead of a filter term on shown messages; calendar terms
//    for date filters.
// 4: documents keyed by source, account, conversation and node (two accounts may hold one
//    conversation id); the collapse key is the conversation copy; source and account stored.
constexpr const char* kFormat = "4";
constexpr size_t kSnippetBytes = 240;
// How many matches the facet counts look at before they are extrapolated (see run()).
// 500: a millisecond less than 1,000 on a common word at 20,000 conversations.
constexpr Xapian::doccount kFacetSample = 500;
// How often a search starts again when a concurrent import keeps committing under it.
constexpr int kModifiedRetries = 5;

int64_t seq_of(const Xapian::Database& db) {
  const std::string value = db.get_metadata(kSeqKey);
  int64_t seq = 0;
  std::from_chars(value.data(), value.data() + value.size(), seq);
  return seq;
}

bool matches_schema(const Xapian::Database& db) {
  if (db.get_doccount() == 0 && db.get_metadata(kFormatKey).empty()) return true;
  return db.get_metadata(kFormatKey) == kFormat &&
         db.get_metadata(kSchemaKey) == schema_description();
}

void write_schema(Xapian::WritableDatabase& db) {
  db.set_metadata(kFormatKey, kFormat);
  db.set_metadata(kSchemaKey, schema_description());
  db.set_metadata(kStemmerKey, "english");
  db.set_metadata(kCjkKey, "ngram");
}

// A folder this program may empty: nothing yet, a Xapian database written before shards, or
// shards of any format and their stub (finished or not).
bool looks_like_an_index(const std::filesystem::path& folder) {
  if (std::filesystem::exists(folder / "iamglass")) return true;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    bool ours = false;
    for (const char* start : {"XAPIANDB", "shown-", "hidden-", "shard-"}) {
      ours = ours || name.rfind(start, 0) == 0;
    }
    if (!ours) return false;
  }
  return true;
}

// Counts matches per local year, read from the time slot at query time so the years follow
// the zone of the person searching.
class YearSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double) override {
    std::string value = doc.get_value(kSlotTime);
    if (!value.empty()) ++counts[model::local_year(Xapian::sortable_unserialise(value))];
  }
  std::map<int, int64_t> counts;
};

bool has_positive_text(const QueryNode& node) { return !highlight_terms(node).empty(); }

// Plain words of the query, with where they stand, for spelling suggestions.
void collect_words(const QueryNode& node, std::vector<const QueryNode*>& out) {
  if (node.type == QueryNode::Type::word) out.push_back(&node);
  for (const auto& child : node.children) collect_words(child, out);
}

class XapianIndex : public Index {
 public:
  XapianIndex(std::filesystem::path folder, bool writable, TextSource text)
      : folder_(std::move(folder)), text_(std::move(text)) {
    try {
      if (writable) {
        open_writers();
      } else {
        open_reader();
      }
    } catch (const Xapian::DatabaseLockError& e) {
      throw IndexBusy(folder_.string() + ": another afterglow process is updating it");
    } catch (const Xapian::Error& e) {
      throw ArchiveError(folder_.string() + ": " + e.get_description());
    } catch (const std::filesystem::filesystem_error& e) {
      throw ArchiveError(folder_.string() + ": " + e.code().message());
    }
  }

  Engine engine() const override { return Engine::xapian; }

  // The lowest seq any shard has committed: an interrupted run may have committed one shard
  // and not the other, and re-adding a message replaces its document.
  int64_t last_seq() const override {
    int64_t seq = INT64_MAX;
    if (!writers_.empty()) {
      for (const auto& writer : writers_) seq = std::min(seq, writer->committed_seq());
    } else {
      for (const auto& shard : shards_) seq = std::min(seq, seq_of(shard));
    }
    return seq == INT64_MAX ? 0 : seq;
  }

  // Into its group's shard; and out of the other group's, where an earlier import put it
  // while it was shown (or hidden).
  void add(const Document& d) override {
    guard([&] {
      const int shard = shard_of(d.conversation_id, kShardsPerGroup);
      const bool shown = visible_by_default(d);
      writers_[shard_slot(shown ? ShardGroup::shown : ShardGroup::hidden, shard)]->add(d);
      writers_[shard_slot(shown ? ShardGroup::hidden : ShardGroup::shown, shard)]->remove(
          id_term(d));
    });
  }

  void commit(int64_t seq) override {
    guard([&] {
      for (auto& writer : writers_) writer->commit(seq);
      for (auto& writer : writers_) writer->wait();
    });
  }

  void clear() override {
    guard([&] { rebuild(); });
  }

  Results search(const Query& query, const SearchOptions& options) const override {
    for (int attempt = 1;; ++attempt) {
      try {
        return run(query, options);
      } catch (const Xapian::DatabaseModifiedError& e) {
        // An import in another process committed while this search read the index: move to
        // the new revision and ask again (Xapian keeps only the newest two revisions).
        if (attempt >= kModifiedRetries) {
          throw ArchiveError(folder_.string() + ": " + e.get_description());
        }
        reopen();
      } catch (const Xapian::Error& e) {
        throw ArchiveError(folder_.string() + ": " + e.get_description());
      }
    }
  }

 private:
  template <typename Fn>
  void guard(Fn&& fn) {
    try {
      fn();
    } catch (const Xapian::DatabaseLockError&) {
      throw IndexBusy(folder_.string() + ": another afterglow process is updating it");
    } catch (const Xapian::Error& e) {
      throw ArchiveError(folder_.string() + ": " + e.get_description());
    } catch (const std::filesystem::filesystem_error& e) {
      throw ArchiveError(folder_.string() + ": " + e.code().message());
    }
  }

  // Opens every shard for writing, taking all their locks before anything is changed, and
  // starts the folder again when it is unfinished (an earlier run was killed while building
  // it), damaged, or written by another version or schema: it is derived data.
  void open_writers() {
    std::filesystem::create_directories(folder_);
    const auto expected = shard_paths(folder_);
    bool stale = read_stub(folder_) != expected;
    if (stale && !looks_like_an_index(folder_)) {
      throw ArchiveError(folder_.string() + ": not an afterglow search index; move it away");
    }
    for (const auto& path : expected) {
      try {
        writers_.push_back(std::make_unique<ShardWriter>(path, ShardWriter::Start::open,
                                                         [&](Xapian::WritableDatabase& db) {
                                                           stale = stale || !matches_schema(db);
                                                           write_schema(db);
                                                         }));
      } catch (const Xapian::DatabaseLockError&) {
        throw;  // another process is writing: leave everything as it is
      } catch (const Xapian::DatabaseError&) {
        // Unreadable, and not locked, so no process is writing it: killed while it was
        // created, or damaged. Its place is rebuilt below.
        stale = true;
        writers_.push_back(nullptr);
      }
    }
    if (!stale) return;
    rebuild();
  }

  // Empties the folder into new shards. The stub goes first and comes back last, so whenever
  // this is interrupted the folder reads as an index not finished yet, which the next writer
  // rebuilds, rather than as shards that cannot be opened. Between closing a shard and
  // reopening it empty another process may take its lock; it then reports IndexBusy.
  void rebuild() {
    remove_stub(folder_);
    const auto expected = shard_paths(folder_);
    // Kept: the shards this process holds the lock of (reopened empty below). Anything else in
    // the folder is an older layout or a shard no process can be writing (see open_writers()).
    std::vector<std::filesystem::path> held;
    for (size_t i = 0; i < writers_.size(); ++i) {
      if (writers_[i]) held.push_back(expected[i]);
    }
    writers_.clear();
    std::vector<std::filesystem::path> others;
    for (const auto& entry : std::filesystem::directory_iterator(folder_)) {
      if (std::find(held.begin(), held.end(), entry.path()) == held.end()) {
        others.push_back(entry.path());
      }
    }
    for (const auto& path : others) std::filesystem::remove_all(path);
    for (const auto& path : expected) {
      writers_.push_back(std::make_unique<ShardWriter>(
          path, ShardWriter::Start::empty, [](Xapian::WritableDatabase& db) { write_schema(db); }));
    }
    for (auto& writer : writers_) writer->commit(0);
    for (auto& writer : writers_) writer->wait();
    write_stub(folder_);
  }

  void open_reader() {
    if (!std::filesystem::exists(folder_)) {
      throw ArchiveError(folder_.string() +
                         ": no search index yet; run `afterglow reindex` to build it");
    }
    const auto listed = read_stub(folder_);
    if (listed.empty() && !index_is_finished(folder_)) {
      throw ArchiveError(folder_.string() +
                         ": the search index was not finished; the next import or search "
                         "builds it");
    }
    if (listed != shard_paths(folder_)) {
      throw ArchiveError(folder_.string() +
                         ": search index from another afterglow version; run `afterglow reindex`");
    }
    for (const auto& path : listed) {
      Xapian::Database shard(path.string());
      if (!matches_schema(shard)) {
        throw ArchiveError(folder_.string() +
                           ": search index from another afterglow version; run `afterglow "
                           "reindex`");
      }
      shards_.push_back(shard);
    }
    combine();
  }

  // The shown shards as one database, and all of them as another.
  void combine() const {
    shown_.emplace();
    all_.emplace();
    for (size_t i = 0; i < shards_.size(); ++i) {
      if (i < shard_slot(ShardGroup::hidden, 0)) shown_->add_database(shards_[i]);
      all_->add_database(shards_[i]);
    }
  }

  // Moves to the newest revision of every shard.
  void reopen() const {
    for (auto& shard : shards_) shard.reopen();
  }

  // What a search reads: the shown shards, or with `include_all` every shard. A writable index
  // (tests, an index just filled) searches what it has committed.
  const Xapian::Database& db(bool include_all) const {
    if (shards_.empty()) {
      for (const auto& path : shard_paths(folder_)) shards_.emplace_back(path.string());
      combine();
    } else if (!writers_.empty()) {
      reopen();  // see what has been committed since the last search
    }
    return include_all ? *all_ : *shown_;
  }

  // One search: the enquiry, the page of matches, a hit with its snippet for each, the facet
  // counts, and a suggestion when little was found.
  Results run(const Query& query, const SearchOptions& options) const {
    // Messages not shown by default live in shards of their own: nothing to filter out.
    const Xapian::Database& database = db(options.include_all);
    Xapian::Enquire enquire = make_enquire(query, options, database);
    Xapian::ValueCountMatchSpy model_spy(kSlotModel);
    YearSpy year_spy;
    if (options.facets) {
      enquire.add_matchspy(&model_spy);
      enquire.add_matchspy(&year_spy);
    }

    // Facets count the matches Xapian looks at. Looking at every match of a common word costs
    // tens of milliseconds on a large archive, so at most kFacetSample are counted and the
    // counts are scaled up to the estimated total (and marked as estimates). Without facets
    // Xapian looks at no more matches than the page needs.
    const auto wanted = static_cast<Xapian::doccount>(options.offset + options.limit);
    Xapian::MSet mset = enquire.get_mset(
        static_cast<Xapian::doccount>(options.offset), static_cast<Xapian::doccount>(options.limit),
        options.facets ? std::max<Xapian::doccount>(wanted, kFacetSample) : wanted);
    Results results;
    results.total = static_cast<int64_t>(mset.get_matches_estimated());
    const auto terms = highlight_terms(query.root);
    const Xapian::Stem stemmer("english");
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      results.hits.push_back(make_hit(mset, it, terms, stemmer));
    }
    add_facets(model_spy, year_spy, results);
    if (results.total < 3) results.did_you_mean = suggest(query, database);
    return results;
  }

  static Xapian::Enquire make_enquire(const Query& query, const SearchOptions& options,
                                      const Xapian::Database& database) {
    Xapian::QueryParser parser = make_leaf_parser(database);
    Xapian::Enquire enquire(database);
    enquire.set_query(to_xapian_query(query.root, parser, database));
    if (options.per_conversation > 0) {
      enquire.set_collapse_key(kSlotConversation,
                               static_cast<Xapian::doccount>(options.per_conversation));
    }
    Sort sort = options.sort;
    // Nothing to rank by: newest first reads better than index order.
    if (sort == Sort::relevance && !has_positive_text(query.root)) sort = Sort::newest;
    if (sort != Sort::relevance) {
      enquire.set_sort_by_value_then_relevance(kSlotTime, sort == Sort::newest);
    }
    return enquire;
  }

  // A match as a hit: its stored fields, and a snippet made from the archive's text of it.
  Hit make_hit(const Xapian::MSet& mset, const Xapian::MSetIterator& it,
               const std::vector<std::string>& terms, const Xapian::Stem& stemmer) const {
    StoredFields f = decode_stored_fields(it.get_document().get_data());
    std::string text;
    if (text_) {
      text = searchable_text(
          text_({f.source, f.account, f.conversation}, f.node).value_or(std::string()));
    }
    Hit hit;
    hit.conversation = f.conversation;
    hit.node = f.node;
    hit.source = f.source;
    hit.account = f.account;
    hit.title = f.title;
    if (!f.time.empty()) hit.create_time = std::stod(f.time);
    hit.role = f.role;
    hit.model = f.model;
    hit.score = it.get_weight();
    hit.branch = f.flags.find('b') != std::string::npos;
    hit.hidden = f.flags.find('h') != std::string::npos;
    hit.snippet = snippet(mset, text, terms, stemmer);
    return hit;
  }

  static std::string snippet(const Xapian::MSet& mset, const std::string& text,
                             const std::vector<std::string>& terms, const Xapian::Stem& stemmer) {
    // Neither SNIPPET_BACKGROUND_MODEL (it weighs every other word of the text by its
    // frequency in the index, a B-tree lookup per word: a third of a search's time) nor
    // SNIPPET_EXHAUSTIVE (it scores every window of a long message): the first window that
    // holds the query's terms is as good to a reader and much cheaper.
    // Only the part of a long message around its first match is read (snippet_window()).
    const TextWindow window = snippet_window(text, terms, kSnippetBytes);
    const std::string part = text.substr(window.begin, window.end - window.begin);
    std::string marked = refine_cjk_marks(
        tidy_xapian_snippet(mark_window_cuts(
            mset.snippet(part, kSnippetBytes, stemmer, Xapian::MSet::SNIPPET_CJK_NGRAM,
                         std::string(1, kMarkStart), std::string(1, kMarkEnd), "\xE2\x80\xA6"),
            window, text.size())),
        terms);
    if ((marked.find(kMarkStart) == std::string::npos && !terms.empty()) ||
        misses_a_cjk_term(marked, part, terms)) {
      // Xapian 1.4 misses CJK text that runs straight into Latin letters ("学习machine");
      // marking the terms as substrings does better there.
      std::string fallback = substring_snippet(text, terms, kSnippetBytes);
      if (fallback.find(kMarkStart) != std::string::npos) return fallback;
    }
    return marked;
  }

  // The facet counts, scaled up to the estimated total when only a sample was looked at.
  static void add_facets(const Xapian::ValueCountMatchSpy& model_spy, const YearSpy& year_spy,
                         Results& results) {
    const double seen = model_spy.get_total();
    const double scale =
        seen > 0 && results.total > seen ? static_cast<double>(results.total) / seen : 1.0;
    results.facets_estimated = scale > 1.0;
    auto scaled = [scale](double count) { return static_cast<int64_t>(count * scale + 0.5); };
    for (auto it = model_spy.top_values_begin(50); it != model_spy.top_values_end(50); ++it) {
      results.facets_by_model.push_back({*it, scaled(it.get_termfreq())});
    }
    for (const auto& [year, count] : year_spy.counts) {
      results.facets_by_year.push_back({std::to_string(year), scaled(count)});
    }
  }

  // The query with misspelled English words replaced, when the spelling data knows better.
  static std::string suggest(const Query& query, const Xapian::Database& database) {
    std::vector<const QueryNode*> words;
    collect_words(query.root, words);
    std::string corrected = query.text;
    bool changed = false;
    // Right to left so earlier offsets stay valid.
    for (auto it = words.rbegin(); it != words.rend(); ++it) {
      const QueryNode& word = **it;
      bool letters = word.text.size() >= 3;
      for (char c : word.text)
        letters = letters && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
      if (!letters) continue;
      std::string lower = lower_ascii(word.text);
      if (database.get_termfreq(lower) > 0) continue;
      std::string suggestion = database.get_spelling_suggestion(lower, 2);
      if (suggestion.empty() || suggestion == lower) continue;
      corrected.replace(word.offset, word.length, suggestion);
      changed = true;
    }
    return changed ? corrected : std::string();
  }

  std::filesystem::path folder_;
  TextSource text_;
  // Writing: one writer (and thread) per shard.
  std::vector<std::unique_ptr<ShardWriter>> writers_;
  // Reading: each shard, for its metadata, and the groups as one database each (combine()).
  // Mutable: a search reopens them at the newest revision when a writer moved on (see
  // search()), and a writable index opens them on its first search.
  mutable std::vector<Xapian::Database> shards_;
  mutable std::optional<Xapian::Database> shown_, all_;
};

}  // namespace

std::filesystem::path xapian_path(const std::filesystem::path& archive) {
  return std::filesystem::path(archive) += ".xapian";
}

void forget_xapian_index(const std::filesystem::path& archive) {
  const auto folder = xapian_path(archive);
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec) || !looks_like_an_index(folder)) return;
  // The stub first, so that a removal cut short leaves an unfinished folder, not a damaged one.
  try {
    remove_stub(folder);
  } catch (const std::filesystem::filesystem_error& e) {
    ec = e.code();
  }
  if (!ec) std::filesystem::remove_all(folder, ec);
  if (ec)
    throw ArchiveError(folder.string() + ": cannot remove the old search index: " + ec.message());
}

std::unique_ptr<Index> open_xapian_index(const std::filesystem::path& folder, bool writable,
                                         TextSource text) {
  return std::make_unique<XapianIndex>(folder, writable, std::move(text));
}

}  // namespace afterglow::indexer
