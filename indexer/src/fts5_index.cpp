// The FTS5 engine: trigram full-text tables inside the archive file, for exact substrings.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "afterglow/indexer/index.h"
#include "afterglow/model/errors.h"
#include "afterglow/model/local_time.h"
#include "afterglow/store/sqlite.h"
#include "cjk_grams.h"
#include "document_terms.h"
#include "fts5_query.h"
#include "snippet.h"
#include "text_normalise.h"

namespace afterglow::indexer {
namespace {

using store::Database;
using store::Statement;

// docs/FORMAT.md describes these tables. search_message holds what the filters need, keyed by
// (source, account, conversation, node); search_text has the same rowid and the trigram-indexed
// text.
constexpr const char* kSchemaSql = R"sql(
CREATE TABLE IF NOT EXISTS search_message (
  id INTEGER PRIMARY KEY,
  conversation TEXT NOT NULL,
  node TEXT NOT NULL,
  seq INTEGER NOT NULL,
  source TEXT NOT NULL,
  account TEXT NOT NULL,
  title TEXT NOT NULL,
  role TEXT NOT NULL,
  model TEXT NOT NULL,
  kind TEXT NOT NULL,
  create_time REAL,
  visible INTEGER NOT NULL,
  branch INTEGER NOT NULL,
  hidden INTEGER NOT NULL,
  has_image INTEGER NOT NULL,
  has_audio INTEGER NOT NULL,
  has_code INTEGER NOT NULL,
  has_branch INTEGER NOT NULL,
  UNIQUE (source, account, conversation, node)
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_text USING fts5(text, title, tokenize = 'trigram');
CREATE VIRTUAL TABLE IF NOT EXISTS search_cjk
  USING fts5(text, title, content = '', detail = 'column', tokenize = 'ascii');
CREATE TABLE IF NOT EXISTS search_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)sql";

constexpr const char* kSeqKey = "fts5.seq";
// Bumped when the tables change; tables of another format are dropped and built again (they
// are derived from the archive's messages).
// 2: keyed by source and account as well (before: (conversation, node), so two accounts'
//    copies of one conversation shared one row).
// 3: search_cjk, the one- and two-character CJK terms.
constexpr const char* kFormatKey = "fts5.format";
constexpr const char* kFormat = "3";
constexpr size_t kSnippetBytes = 240;

bool table_exists(Database& db, const char* name) {
  Statement st(db, "SELECT 1 FROM sqlite_master WHERE name = ?");
  st.bind(1, std::string(name));
  return st.step();
}

std::string stored_format(Database& db) {
  if (!table_exists(db, "search_state")) return "";
  Statement st(db, "SELECT value FROM search_state WHERE key = ?");
  st.bind(1, std::string(kFormatKey));
  return st.step() ? st.text(0) : "";
}

// Tables of an older format go, in one transaction with the new ones taking their place.
void create_tables(Database& db) {
  const bool stale = table_exists(db, "search_message") && stored_format(db) != kFormat;
  if (!stale && stored_format(db) == kFormat) return;
  db.exec("BEGIN IMMEDIATE");
  try {
    if (stale) {
      db.exec(
          "DROP TABLE IF EXISTS search_text; DROP TABLE IF EXISTS search_cjk; "
          "DROP TABLE IF EXISTS search_message; DROP TABLE IF EXISTS search_state;");
    }
    db.exec(kSchemaSql);
    Statement st(db, "INSERT OR REPLACE INTO search_state (key, value) VALUES (?, ?)");
    st.bind(1, std::string(kFormatKey)).bind(2, std::string(kFormat)).run();
    db.exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

struct Candidate {
  int64_t id = 0;
  std::string conversation;  // the copy: source/account/conversation, the collapse key
  std::string model;
  std::optional<double> create_time;
  double score = 0;
};

class Fts5Index : public Index {
 public:
  Fts5Index(Database& db, bool writable) : db_(db) {
    if (writable) {
      create_tables(db_);
    } else {
      ready_ = table_exists(db_, "search_message") && table_exists(db_, "search_text") &&
               table_exists(db_, "search_cjk") && table_exists(db_, "search_state") &&
               stored_format(db_) == kFormat;
    }
  }

  ~Fts5Index() override {
    // An index dropped without commit leaves the archive as it was.
    if (in_transaction_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }

  Engine engine() const override { return Engine::fts5; }

  int64_t last_seq() const override {
    if (!ready_) return 0;
    Statement st(db_, "SELECT value FROM search_state WHERE key = ?");
    st.bind(1, std::string(kSeqKey));
    return st.step() ? std::stoll(st.text(0)) : 0;
  }

  void add(const Document& d) override {
    begin();
    Statements& st = statements();
    std::optional<int64_t> id;
    st.find.bind(1, d.source).bind(2, d.account).bind(3, d.conversation_id).bind(4, d.node_id);
    if (st.find.step()) id = st.find.int64(0);
    st.find.reset();
    if (id) {
      drop_cjk_grams(*id);
      st.drop_text.bind(1, *id).run();
      st.drop.bind(1, *id).run();
    }
    Statement& insert = st.insert;
    if (id) {
      insert.bind(1, *id);
    } else {
      insert.bind_null(1);
    }
    insert.bind(2, d.conversation_id).bind(3, d.node_id).bind(4, d.seq);
    insert.bind(5, d.source).bind(6, d.account).bind(7, d.title).bind(8, d.role);
    insert.bind(9, d.model).bind(10, d.kind).bind(11, d.create_time);
    insert.bind(12, visible_by_default(d)).bind(13, !d.on_thread);
    insert.bind(14, hidden_for_search(d)).bind(15, d.has_image);
    insert.bind(16, d.has_audio).bind(17, d.has_code);
    insert.bind(18, d.conversation_has_branches);
    insert.run();
    const int64_t rowid = db_.last_insert_rowid();
    const std::string text = searchable_text(d.text);
    const std::string title = searchable_text(d.title);
    st.text.bind(1, rowid).bind(2, text).bind(3, title).run();
    add_cjk_grams(st.add_cjk, rowid, text, title);
  }

  void commit(int64_t seq) override {
    begin();
    Statement st(db_,
                 "INSERT INTO search_state (key, value) VALUES (?, ?) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    st.bind(1, std::string(kSeqKey)).bind(2, std::to_string(seq)).run();
    db_.exec("COMMIT");
    in_transaction_ = false;
  }

  void clear() override {
    begin();
    // The format stays: the tables are still of this format, only empty.
    db_.exec(
        "DELETE FROM search_message; DELETE FROM search_text; "
        "INSERT INTO search_cjk (search_cjk) VALUES ('delete-all'); "
        "DELETE FROM search_state WHERE key <> 'fts5.format';");
  }

  Results search(const Query& query, const SearchOptions& options) const override {
    if (!ready_) {
      throw ArchiveError(db_.path() +
                         ": no fts5 search index yet; run `afterglow reindex` to build it");
    }
    const Fts5Query sql = to_fts5_query(query.root);
    std::vector<Candidate> candidates = find(sql, options);

    Sort sort = options.sort;
    if (sort == Sort::relevance && sql.match.empty()) sort = Sort::newest;
    order(candidates, sort);
    collapse(candidates, options.per_conversation);

    Results results;
    results.total = static_cast<int64_t>(candidates.size());
    if (options.facets) count_facets(candidates, results);
    const auto needles = highlight_terms(query.root);
    const size_t begin = std::min(candidates.size(), static_cast<size_t>(options.offset));
    const size_t end = std::min(candidates.size(), begin + static_cast<size_t>(options.limit));
    for (size_t i = begin; i < end; ++i) results.hits.push_back(hit(candidates[i], needles));
    return results;
  }

 private:
  // The statements of add(), prepared once per index: preparing them for every message cost
  // more than some of the inserts themselves.
  struct Statements {
    explicit Statements(Database& db)
        : find(db,
               "SELECT id FROM search_message "
               "WHERE source = ? AND account = ? AND conversation = ? AND node = ?"),
          drop_text(db, "DELETE FROM search_text WHERE rowid = ?"),
          drop(db, "DELETE FROM search_message WHERE id = ?"),
          insert(db,
                 "INSERT INTO search_message (id, conversation, node, seq, source, account, "
                 "title, role, model, kind, create_time, visible, branch, hidden, "
                 "has_image, has_audio, has_code, has_branch) "
                 "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
          text(db, "INSERT INTO search_text (rowid, text, title) VALUES (?, ?, ?)"),
          old_text(db, "SELECT text, title FROM search_text WHERE rowid = ?"),
          add_cjk(db, "INSERT INTO search_cjk (rowid, text, title) VALUES (?, ?, ?)"),
          drop_cjk(db,
                   "INSERT INTO search_cjk (search_cjk, rowid, text, title) "
                   "VALUES ('delete', ?, ?, ?)") {}
    Statement find, drop_text, drop, insert, text, old_text, add_cjk, drop_cjk;
  };

  // search_cjk keeps no text of its own (content ''): a row is added, and taken out again, with
  // the grams of search_text's copy. Rows without a CJK character are left out of it.
  static void add_cjk_grams(Statement& st, int64_t rowid, const std::string& text,
                            const std::string& title) {
    std::string text_grams = cjk_grams(text);
    std::string title_grams = cjk_grams(title);
    if (text_grams.empty() && title_grams.empty()) return;
    st.bind(1, rowid).bind(2, text_grams).bind(3, title_grams).run();
  }

  void drop_cjk_grams(int64_t rowid) {
    Statements& st = statements();
    st.old_text.bind(1, rowid);
    const bool found = st.old_text.step();
    const std::string text = found ? st.old_text.text(0) : "";
    const std::string title = found ? st.old_text.text(1) : "";
    st.old_text.reset();
    if (found) add_cjk_grams(st.drop_cjk, rowid, text, title);
  }

  Statements& statements() {
    if (!statements_) statements_ = std::make_unique<Statements>(db_);
    return *statements_;
  }

  void begin() {
    if (in_transaction_) return;
    db_.exec("BEGIN IMMEDIATE");
    in_transaction_ = true;
  }

  std::vector<Candidate> find(const Fts5Query& sql, const SearchOptions& options) const {
    std::string text =
        "SELECT m.id, m.source || '/' || m.account || '/' || m.conversation, m.model, "
        "m.create_time, ";
    text += sql.match.empty() ? "0.0" : "-bm25(search_text)";
    text += " FROM search_text JOIN search_message AS m ON m.id = search_text.rowid WHERE ";
    if (!sql.match.empty()) text += "search_text MATCH ? AND ";
    text += "(" + sql.where + ")";
    if (!options.include_all) text += " AND m.visible = 1";
    Statement st(db_, text);
    int index = 1;
    if (!sql.match.empty()) st.bind(index++, sql.match);
    for (const auto& param : sql.where_params) {
      std::visit([&](const auto& value) { st.bind(index++, value); }, param);
    }
    std::vector<Candidate> out;
    while (st.step()) {
      Candidate c;
      c.id = st.int64(0);
      c.conversation = st.text(1);
      c.model = st.text(2);
      if (!st.is_null(3)) c.create_time = st.real(3);
      c.score = st.real(4);
      out.push_back(std::move(c));
    }
    return out;
  }

  static void order(std::vector<Candidate>& candidates, Sort sort) {
    auto time = [](const Candidate& c) { return c.create_time.value_or(0); };
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&](const Candidate& a, const Candidate& b) {
                       if (sort == Sort::relevance && a.score != b.score) return a.score > b.score;
                       if (time(a) != time(b)) {
                         return sort == Sort::oldest ? time(a) < time(b) : time(a) > time(b);
                       }
                       return a.id < b.id;
                     });
  }

  static void collapse(std::vector<Candidate>& candidates, int per_conversation) {
    if (per_conversation <= 0) return;
    std::unordered_map<std::string, int> seen;
    std::erase_if(candidates,
                  [&](const Candidate& c) { return ++seen[c.conversation] > per_conversation; });
  }

  static void count_facets(const std::vector<Candidate>& candidates, Results& results) {
    std::map<std::string, int64_t> models;
    std::map<int, int64_t> years;
    for (const auto& c : candidates) {
      if (!c.model.empty()) ++models[c.model];
      if (c.create_time) ++years[model::local_year(*c.create_time)];
    }
    for (const auto& [value, count] : models) results.facets_by_model.push_back({value, count});
    std::stable_sort(results.facets_by_model.begin(), results.facets_by_model.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    for (const auto& [year, count] : years) {
      results.facets_by_year.push_back({std::to_string(year), count});
    }
  }

  Hit hit(const Candidate& c, const std::vector<std::string>& needles) const {
    Statement st(db_,
                 "SELECT m.conversation, m.node, m.title, m.create_time, m.role, m.model, "
                 "m.branch, m.hidden, search_text.text, m.source, m.account "
                 "FROM search_message AS m "
                 "JOIN search_text ON search_text.rowid = m.id WHERE m.id = ?");
    st.bind(1, c.id);
    Hit hit;
    if (!st.step()) return hit;
    hit.conversation = st.text(0);
    hit.node = st.text(1);
    hit.title = st.text(2);
    if (!st.is_null(3)) hit.create_time = st.real(3);
    hit.role = st.text(4);
    hit.model = st.text(5);
    hit.branch = st.int64(6) != 0;
    hit.hidden = st.int64(7) != 0;
    hit.snippet = substring_snippet(st.text(8), needles, kSnippetBytes);
    hit.source = st.text(9);
    hit.account = st.text(10);
    hit.score = c.score;
    return hit;
  }

  Database& db_;
  std::unique_ptr<Statements> statements_;
  bool ready_ = true;
  bool in_transaction_ = false;
};

}  // namespace

std::unique_ptr<Index> open_fts5_index(store::Database& db, bool writable) {
  return std::make_unique<Fts5Index>(db, writable);
}

}  // namespace afterglow::indexer
