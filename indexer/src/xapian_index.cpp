// The Xapian engine: one document per message in a folder beside the archive.
#include <xapian.h>

#include <charconv>
#include <map>
#include <optional>

#include "afterglow/indexer/index.h"
#include "afterglow/model/errors.h"
#include "afterglow/model/local_time.h"
#include "document_terms.h"
#include "snippet.h"
#include "text_normalise.h"
#include "xapian_query.h"

namespace afterglow::indexer {
namespace {

// Metadata keys; docs/FORMAT.md lists them.
constexpr const char* kFormatKey = "afterglow.format";
constexpr const char* kSchemaKey = "afterglow.schema";
constexpr const char* kSeqKey = "afterglow.seq";
constexpr const char* kStemmerKey = "afterglow.stemmer";
constexpr const char* kCjkKey = "afterglow.cjk";
// Bumped when the way documents are built changes, so an old folder is rebuilt.
constexpr const char* kFormat = "1";
constexpr size_t kSnippetBytes = 240;
// How many matches the facet counts look at before they are extrapolated (see run()).
constexpr Xapian::doccount kFacetSample = 1000;
// How often a search starts again when a concurrent import keeps committing under it.
constexpr int kModifiedRetries = 5;

// Xapian limits terms to 245 bytes; ids and slugs are far shorter, but a damaged export
// must not make indexing fail.
std::string term(std::string_view prefix, std::string_view value) {
  std::string t(prefix);
  t += value.substr(0, 240 - prefix.size());
  return t;
}

std::string prefix_of(std::string_view field) { return std::string(schema_row(field).prefix); }

// Document data: the fields a hit shows, each as "<length>:<bytes>".
void put(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
}

struct StoredFields {
  std::string conversation, node, title, time, role, model, text, flags;
};

std::string encode(const Document& d, const std::string& text) {
  std::string out;
  put(out, d.conversation_id);
  put(out, d.node_id);
  put(out, d.title);
  put(out, d.create_time ? std::to_string(*d.create_time) : "");
  put(out, d.role);
  put(out, d.model);
  put(out, text);
  std::string flags;
  if (!d.on_thread) flags += 'b';
  if (hidden_for_search(d)) flags += 'h';
  put(out, flags);
  return out;
}

StoredFields decode(const std::string& data) {
  StoredFields f;
  std::string* fields[] = {&f.conversation, &f.node,  &f.title, &f.time,
                           &f.role,         &f.model, &f.text,  &f.flags};
  size_t at = 0;
  for (std::string* field : fields) {
    size_t colon = data.find(':', at);
    if (colon == std::string::npos) break;
    size_t length = 0;
    std::from_chars(data.data() + at, data.data() + colon, length);
    *field = data.substr(colon + 1, length);
    at = colon + 1 + length;
  }
  return f;
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
  XapianIndex(std::filesystem::path folder, bool writable) : folder_(std::move(folder)) {
    try {
      if (writable) {
        writable_.emplace(folder_.string(), Xapian::DB_CREATE_OR_OPEN);
        if (!matches_schema(*writable_)) {
          // Built by another version of the schema: derived data, so start again.
          writable_->close();
          writable_.reset();
          writable_.emplace(folder_.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        }
        write_schema();
        setup_generator();
      } else {
        if (!std::filesystem::exists(folder_)) {
          throw ArchiveError(folder_.string() +
                             ": no search index yet; run `afterglow reindex` to build it");
        }
        reader_.emplace(folder_.string());
        if (!matches_schema(*reader_)) {
          throw ArchiveError(folder_.string() +
                             ": search index from another afterglow version; run `afterglow "
                             "reindex`");
        }
      }
    } catch (const Xapian::Error& e) {
      throw ArchiveError(folder_.string() + ": " + e.get_description());
    }
  }

  Engine engine() const override { return Engine::xapian; }

  int64_t last_seq() const override {
    std::string value = db().get_metadata(kSeqKey);
    int64_t seq = 0;
    std::from_chars(value.data(), value.data() + value.size(), seq);
    return seq;
  }

  void add(const Document& d) override {
    try {
      Xapian::Document doc;
      generator_.set_document(doc);
      const std::string text = searchable_text(d.text);
      generator_.index_text(text);
      // A gap so that a phrase never spans the end of the text and the title.
      generator_.increase_termpos(100);
      generator_.index_text(searchable_text(d.title), 1, prefix_of("title"));

      const std::string id = term(prefix_of("id"), d.conversation_id + "/" + d.node_id);
      doc.add_boolean_term(id);
      doc.add_boolean_term(term(prefix_of("in"), d.conversation_id));
      if (!d.model.empty()) doc.add_boolean_term(term(prefix_of("model"), lower_ascii(d.model)));
      if (!d.role.empty()) doc.add_boolean_term(term(prefix_of("role"), lower_ascii(d.role)));
      if (!d.source.empty()) doc.add_boolean_term(term(prefix_of("source"), lower_ascii(d.source)));
      if (!d.account.empty()) {
        doc.add_boolean_term(term(prefix_of("account"), lower_ascii(d.account)));
      }
      for (const auto& value : has_values(d)) doc.add_boolean_term(term(prefix_of("has"), value));
      if (!d.kind.empty()) doc.add_boolean_term(term(prefix_of("kind"), d.kind));
      if (visible_by_default(d)) doc.add_boolean_term(prefix_of("visible"));

      if (d.create_time) doc.add_value(kSlotTime, Xapian::sortable_serialise(*d.create_time));
      doc.add_value(kSlotConversation, d.conversation_id);
      if (!d.model.empty()) doc.add_value(kSlotModel, d.model);
      doc.set_data(encode(d, text));
      writable_->replace_document(id, doc);
    } catch (const Xapian::Error& e) {
      throw ArchiveError(folder_.string() + ": " + e.get_description());
    }
  }

  void commit(int64_t seq) override {
    try {
      writable_->set_metadata(kSeqKey, std::to_string(seq));
      writable_->commit();
    } catch (const Xapian::Error& e) {
      throw ArchiveError(folder_.string() + ": " + e.get_description());
    }
  }

  void clear() override {
    try {
      // The generator holds the database for spelling data: let go of it so the lock goes too.
      generator_ = Xapian::TermGenerator();
      writable_->close();
      writable_.reset();
      writable_.emplace(folder_.string(), Xapian::DB_CREATE_OR_OVERWRITE);
      write_schema();
      setup_generator();
    } catch (const Xapian::Error& e) {
      throw ArchiveError(folder_.string() + ": " + e.get_description());
    }
  }

  Results search(const Query& query, const SearchOptions& options) const override {
    for (int attempt = 1;; ++attempt) {
      try {
        return run(query, options);
      } catch (const Xapian::DatabaseModifiedError& e) {
        // An import in another process committed while this search read the index: move to
        // the new revision and ask again (Xapian keeps only the newest two revisions).
        if (writable_ || attempt >= kModifiedRetries) {
          throw ArchiveError(folder_.string() + ": " + e.get_description());
        }
        reader_->reopen();
      } catch (const Xapian::Error& e) {
        throw ArchiveError(folder_.string() + ": " + e.get_description());
      }
    }
  }

 private:
  const Xapian::Database& db() const {
    if (writable_) return *writable_;
    return *reader_;
  }

  static bool matches_schema(const Xapian::Database& db) {
    if (db.get_doccount() == 0 && db.get_metadata(kFormatKey).empty()) return true;
    return db.get_metadata(kFormatKey) == kFormat &&
           db.get_metadata(kSchemaKey) == schema_description();
  }

  void write_schema() {
    writable_->set_metadata(kFormatKey, kFormat);
    writable_->set_metadata(kSchemaKey, schema_description());
    writable_->set_metadata(kStemmerKey, "english");
    writable_->set_metadata(kCjkKey, "ngram");
  }

  void setup_generator() {
    generator_ = Xapian::TermGenerator();
    generator_.set_stemmer(Xapian::Stem("english"));
    generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    generator_.set_database(*writable_);
    generator_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM |
                         Xapian::TermGenerator::FLAG_SPELLING);
  }

  Results run(const Query& query, const SearchOptions& options) const {
    const Xapian::Database& database = db();
    Xapian::QueryParser parser = make_leaf_parser(database);
    Xapian::Query q = to_xapian_query(query.root, parser);
    if (!options.include_all) {
      q = Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(prefix_of("visible")));
    }

    Xapian::Enquire enquire(database);
    enquire.set_query(q);
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
    Xapian::ValueCountMatchSpy model_spy(kSlotModel);
    YearSpy year_spy;
    enquire.add_matchspy(&model_spy);
    enquire.add_matchspy(&year_spy);

    // Facets count the matches Xapian looks at. Looking at every match of a common word costs
    // tens of milliseconds on a large archive, so at most kFacetSample are counted and the
    // counts are scaled up to the estimated total (and marked as estimates).
    const auto wanted = static_cast<Xapian::doccount>(options.offset + options.limit);
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                                         static_cast<Xapian::doccount>(options.limit),
                                         std::max<Xapian::doccount>(wanted, kFacetSample));
    Results results;
    results.total = static_cast<int64_t>(mset.get_matches_estimated());
    const double seen = model_spy.get_total();
    const double scale =
        seen > 0 && results.total > seen ? static_cast<double>(results.total) / seen : 1.0;
    results.facets_estimated = scale > 1.0;
    auto scaled = [scale](double count) { return static_cast<int64_t>(count * scale + 0.5); };
    const Xapian::Stem stemmer("english");
    const auto terms = highlight_terms(query.root);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      StoredFields f = decode(it.get_document().get_data());
      Hit hit;
      hit.conversation = f.conversation;
      hit.node = f.node;
      hit.title = f.title;
      if (!f.time.empty()) hit.create_time = std::stod(f.time);
      hit.role = f.role;
      hit.model = f.model;
      hit.score = it.get_weight();
      hit.branch = f.flags.find('b') != std::string::npos;
      hit.hidden = f.flags.find('h') != std::string::npos;
      hit.snippet = refine_cjk_marks(
          tidy_xapian_snippet(
              mset.snippet(f.text, kSnippetBytes, stemmer,
                           Xapian::MSet::SNIPPET_BACKGROUND_MODEL |
                               Xapian::MSet::SNIPPET_EXHAUSTIVE | Xapian::MSet::SNIPPET_CJK_NGRAM,
                           std::string(1, kMarkStart), std::string(1, kMarkEnd), "\xE2\x80\xA6")),
          terms);
      if (hit.snippet.find(kMarkStart) == std::string::npos && !terms.empty()) {
        // Xapian 1.4 misses CJK text that runs straight into Latin letters ("学习machine");
        // marking the terms as substrings does better there.
        std::string fallback = substring_snippet(f.text, terms, kSnippetBytes);
        if (fallback.find(kMarkStart) != std::string::npos) hit.snippet = std::move(fallback);
      }
      results.hits.push_back(std::move(hit));
    }
    for (auto it = model_spy.top_values_begin(50); it != model_spy.top_values_end(50); ++it) {
      results.facets_by_model.push_back({*it, scaled(it.get_termfreq())});
    }
    for (const auto& [year, count] : year_spy.counts) {
      results.facets_by_year.push_back({std::to_string(year), scaled(count)});
    }
    if (results.total < 3) results.did_you_mean = suggest(query, database);
    return results;
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
  std::optional<Xapian::WritableDatabase> writable_;
  // Mutable: a search reopens it at the newest revision when a writer moved on (see search()).
  mutable std::optional<Xapian::Database> reader_;
  Xapian::TermGenerator generator_;
};

}  // namespace

std::filesystem::path xapian_path(const std::filesystem::path& archive) {
  return std::filesystem::path(archive.string() + ".xapian");
}

std::unique_ptr<Index> open_xapian_index(const std::filesystem::path& folder, bool writable) {
  return std::make_unique<XapianIndex>(folder, writable);
}

}  // namespace afterglow::indexer
