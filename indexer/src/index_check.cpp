// check_indexes(): compares the documents of each search index with the archive's messages.
// Memory: one small entry per message (a 64-bit hash of its key), not the keys themselves; the
// names of missing documents are looked up again only when some are missing.
#include <xapian.h>

#include <filesystem>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "afterglow/indexer/check.h"
#include "afterglow/model/errors.h"
#include "afterglow/store/sqlite.h"
#include "document_terms.h"
#include "xapian_shards.h"

namespace afterglow::indexer {
namespace {

// Xapian keeps terms under 245 bytes, so the indexer cuts the id term ("Q" + key) at 240 bytes
// (docs/FORMAT.md); a key that long cannot be compared exactly and is left out of the check.
constexpr size_t kLongestComparableKey = 239;

struct Expected {
  int64_t seq = 0;
  bool in_xapian = false;
  bool in_fts5 = false;
};

uint64_t key_hash(std::string_view key) { return std::hash<std::string_view>{}(key); }

std::string key_of(const store::MessageRecord& m) { return message_key(m); }

class Checker {
 public:
  explicit Checker(const store::Archive& archive) : archive_(archive) {
    try {
      archive_.scan_messages(0, [this](const store::MessageRecord& m) {
        expected_[key_hash(key_of(m))] = Expected{m.seq, false, false};
      });
    } catch (const ArchiveError& e) {
      // A damaged message stops the scan: the indexes cannot be compared with a partial list.
      unreadable_ = e.what();
    }
  }

  IndexCheck xapian() {
    IndexCheck check;
    check.engine = Engine::xapian;
    check.messages = static_cast<int64_t>(expected_.size());
    const auto folder = xapian_path(archive_.path());
    // Absent, or unfinished (an import killed while building it): not built yet, not a fault.
    if (!std::filesystem::exists(folder) || !index_is_finished(folder)) return check;
    check.present = true;
    if (not_comparable(check)) return check;
    int64_t last_seq = 0;
    try {
      last_seq = open_xapian_index(folder, false)->last_seq();
      Xapian::Database db(folder.string());
      check.documents = static_cast<int64_t>(db.get_doccount());
      int64_t with_id = 0;
      for (auto it = db.allterms_begin("Q"); it != db.allterms_end("Q"); ++it) {
        const std::string term = *it;
        const std::string_view key = std::string_view(term).substr(1);
        const auto copies = static_cast<int64_t>(it.get_termfreq());
        with_id += copies;
        if (copies > 1) {
          check.problems.push_back(std::to_string(copies) + " documents share the id " +
                                   std::string(key));
        }
        if (key.size() >= kLongestComparableKey) continue;
        auto found = expected_.find(key_hash(key));
        if (found == expected_.end()) {
          note_extra(check, key);
        } else {
          found->second.in_xapian = true;
        }
      }
      if (with_id != check.documents) {
        check.problems.push_back(std::to_string(check.documents - with_id) +
                                 " documents have no message id");
      }
    } catch (const Xapian::Error& e) {
      check.problems.push_back(folder.string() + ": " + e.get_description());
      return check;
    } catch (const ArchiveError& e) {
      check.problems.push_back(e.what());
      return check;
    }
    missing(check, last_seq, &Expected::in_xapian);
    return check;
  }

  IndexCheck fts5() {
    IndexCheck check;
    check.engine = Engine::fts5;
    check.messages = static_cast<int64_t>(expected_.size());
    store::Database& db = archive_.database();
    {
      store::Statement tables(db,
                              "SELECT count(*) FROM sqlite_master WHERE name IN "
                              "('search_message', 'search_text', 'search_state')");
      tables.step();
      if (tables.int64(0) == 0) return check;
      check.present = true;
      if (not_comparable(check)) return check;
      if (tables.int64(0) != 3) {
        check.problems.push_back("the FTS5 tables are incomplete: run `afterglow reindex`");
        return check;
      }
    }
    int64_t last_seq = 0;
    try {
      last_seq = open_fts5_index(db, false)->last_seq();
      store::Statement docs(db,
                            "SELECT source || '/' || account || '/' || conversation || '/' || node "
                            "FROM search_message");
      while (docs.step()) {
        ++check.documents;
        const std::string key = docs.text(0);
        auto found = expected_.find(key_hash(key));
        if (found == expected_.end()) {
          note_extra(check, key);
        } else {
          found->second.in_fts5 = true;
        }
      }
      store::Statement texts(db, "SELECT count(*) FROM search_text");
      texts.step();
      if (texts.int64(0) != check.documents) {
        check.problems.push_back("search_text has " + std::to_string(texts.int64(0)) +
                                 " rows for " + std::to_string(check.documents) + " documents");
      }
      store::Statement orphans(db,
                               "SELECT count(*) FROM search_message WHERE id NOT IN "
                               "(SELECT rowid FROM search_text)");
      orphans.step();
      if (orphans.int64(0) > 0) {
        check.problems.push_back(std::to_string(orphans.int64(0)) +
                                 " documents have no indexed text");
      }
    } catch (const ArchiveError& e) {
      check.problems.push_back(e.what());
      return check;
    }
    missing(check, last_seq, &Expected::in_fts5);
    return check;
  }

 private:
  bool not_comparable(IndexCheck& check) const {
    if (unreadable_.empty()) return false;
    check.problems.push_back("not compared with the archive, whose messages cannot all be read: " +
                             unreadable_);
    return true;
  }

  static void note_extra(IndexCheck& check, std::string_view key) {
    if (check.extra.size() < kMaxListed) check.extra.emplace_back(key);
    ++check.extra_count;
  }

  // Messages the index has seen (seq up to its last) without a document, named by a second scan.
  void missing(IndexCheck& check, int64_t last_seq, bool Expected::*found) {
    for (const auto& [hash, e] : expected_) {
      if (e.seq > last_seq) {
        ++check.behind;
      } else if (!(e.*found)) {
        ++check.missing_count;
      }
    }
    if (check.missing_count == 0) return;
    // Long keys could not be compared (see kLongestComparableKey): they are not missing.
    archive_.scan_messages(0, [&](const store::MessageRecord& m) {
      const std::string key = key_of(m);
      const Expected& e = expected_.at(key_hash(key));
      if (e.seq > last_seq || e.*found) return;
      if (found == &Expected::in_xapian && key.size() >= kLongestComparableKey) {
        --check.missing_count;
        return;
      }
      if (check.missing.size() < kMaxListed) check.missing.push_back(key);
    });
  }

  const store::Archive& archive_;
  std::unordered_map<uint64_t, Expected> expected_;
  std::string unreadable_;  // why the archive's messages could not be listed
};

}  // namespace

std::vector<IndexCheck> check_indexes(const store::Archive& archive) {
  Checker checker(archive);
  return {checker.xapian(), checker.fts5()};
}

}  // namespace afterglow::indexer
