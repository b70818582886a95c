// verify_archive(): reads everything back the way a reader in twenty years would, and reports
// every disagreement as one line. Problems are collected rather than thrown so that one damaged
// row never hides another.
#include "afterglow/store/verify.h"

#include "afterglow/model/errors.h"
#include "afterglow/store/keepsakes.h"
#include "afterglow/store/memories.h"
#include "archive_impl.h"
#include "blob_store.h"
#include "sha256.h"

namespace afterglow::store {
namespace {

// A damaged file can report thousands of identical faults; past this many the rest are counted.
constexpr size_t kMaxProblems = 200;
constexpr size_t kMaxIntegrityRows = 50;

class Verifier {
 public:
  Verifier(const ArchiveImpl& archive, const VerifyProgressFn& progress)
      : archive_(archive), db_(archive.database()), progress_(progress) {}

  VerifyReport run() {
    // One read transaction: every check sees the same snapshot even while an import commits.
    db_.exec("BEGIN");
    try {
      integrity();
      blobs();
      sources();
      conversations();
      messages();
      attachments();
      broken_conversations();
      keepsakes();
      memory_records();
      references();
    } catch (...) {
      sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    if (dropped_ > 0) {
      report_.problems.push_back("... and " + std::to_string(dropped_) + " more problems");
    }
    return std::move(report_);
  }

 private:
  void problem(std::string line) {
    if (report_.problems.size() >= kMaxProblems) {
      ++dropped_;
      return;
    }
    report_.problems.push_back(std::move(line));
  }

  // An ArchiveError's message without the archive path it starts with: the report names the
  // archive once, each line names the row.
  std::string reason(const Error& e) const {
    std::string what = e.what();
    const std::string prefix = db_.path() + ": ";
    if (what.compare(0, prefix.size(), prefix) == 0) what.erase(0, prefix.size());
    return what;
  }

  void step(const char* name, int64_t done, int64_t total) {
    if (progress_) progress_(name, done, total);
  }

  int64_t count(const char* sql) {
    Statement q(db_, sql);
    return q.step() ? q.int64(0) : 0;
  }

  void integrity() {
    step("database integrity", 0, 1);
    try {
      Statement q(db_, "PRAGMA integrity_check(" + std::to_string(kMaxIntegrityRows) + ")");
      bool ok = true;
      while (q.step()) {
        std::string row = q.text(0);
        if (row == "ok") continue;
        ok = false;
        problem("database: " + row);
      }
      report_.database_ok = ok;
    } catch (const ArchiveError& e) {
      problem("database: the integrity check could not run: " + reason(e));
    }
    step("database integrity", 1, 1);
  }

  // What a blob is to a person: the first file or attachment that holds it.
  std::string blob_name(const std::string& sha256) {
    if (sha256.empty()) return "";
    auto& q = db_.cached(
        "SELECT path FROM sources WHERE sha256 = ?1 UNION ALL "
        "SELECT coalesce(nullif(name, ''), member) FROM attachments WHERE sha256 = ?1 LIMIT 1");
    q.bind(1, sha256);
    std::string name = q.step() ? q.text(0) : "";
    q.reset();
    return name.empty() ? "" : " (" + name + ")";
  }

  void blobs() {
    const int64_t total = count("SELECT count(*) FROM blobs");
    Statement q(db_,
                "SELECT b.id, coalesce(b.sha256, ''), b.size, b.compression, "
                "coalesce(b.mime, ''), b.stored_size, "
                "(SELECT coalesce(sum(length(data)), 0) FROM blob_chunks WHERE blob_id = b.id), "
                "(SELECT count(*) FROM blob_chunks WHERE blob_id = b.id), "
                "(SELECT coalesce(max(seq), -1) FROM blob_chunks WHERE blob_id = b.id) "
                "FROM blobs b ORDER BY b.id");
    Sha256 hasher;
    std::string piece;
    while (q.step()) {
      BlobLocation blob{q.int64(0), q.text(1), q.int64(2), q.text(3), q.text(4)};
      const int64_t stored_size = q.int64(5);
      const int64_t chunk_bytes = q.int64(6);
      const int64_t chunks = q.int64(7);
      const int64_t last_seq = q.int64(8);
      step("blobs", report_.blobs, total);
      ++report_.blobs;
      const std::string label =
          "blob " + (blob.sha256.empty() ? "#" + std::to_string(blob.id) : blob.sha256) +
          blob_name(blob.sha256);
      if (blob.sha256.empty()) {
        problem(label + ": left unfinished (no SHA-256): an import wrote it but never completed");
        continue;
      }
      if (chunk_bytes != stored_size) {
        problem(label + ": its chunks hold " + std::to_string(chunk_bytes) + " bytes, " +
                std::to_string(stored_size) + " were stored");
      }
      if (chunks != last_seq + 1) {
        problem(label + ": chunks are missing (" + std::to_string(chunks) + " of " +
                std::to_string(last_seq + 1) + " present)");
        continue;
      }
      try {
        BlobReader reader(db_, blob);
        int64_t size = 0;
        while (reader.next(piece)) {
          hasher.update(piece);
          size += static_cast<int64_t>(piece.size());
        }
        report_.blob_bytes += size;
        const std::string digest = hasher.hex_digest();
        if (digest != blob.sha256) {
          problem(label + ": SHA-256 mismatch: the stored bytes hash to " + digest);
        }
      } catch (const ArchiveError& e) {
        hasher.hex_digest();  // start over for the next blob
        problem(label + ": " + reason(e));
      }
    }
    step("blobs", report_.blobs, total);
  }

  void sources() {
    Statement q(db_,
                "SELECT s.path, s.import_id, s.size, s.sha256, b.size FROM sources s "
                "LEFT JOIN blobs b ON b.sha256 = s.sha256 ORDER BY s.id");
    while (q.step()) {
      ++report_.sources;
      const std::string label =
          "original file " + q.text(0) + " (import " + std::to_string(q.int64(1)) + ")";
      if (q.is_null(4)) {
        problem(label + ": its bytes are missing (no blob " + q.text(3) + ")");
      } else if (q.int64(2) != q.int64(4)) {
        problem(label + ": recorded as " + std::to_string(q.int64(2)) + " bytes, its blob has " +
                std::to_string(q.int64(4)));
      }
    }
  }

  void conversations() {
    Statement q(db_, "SELECT external_id, dict_id, meta FROM conversations ORDER BY id");
    while (q.step()) {
      ++report_.conversations;
      try {
        archive_.codec().decompress(q.blob(2), q.int64(1));
      } catch (const ArchiveError& e) {
        problem("conversation " + q.text(0) + ": metadata: " + reason(e));
      }
    }
  }

  void messages() {
    const int64_t total = count("SELECT count(*) FROM messages");
    Statement q(db_,
                "SELECT m.node, coalesce(c.external_id, ''), coalesce(n.node_id, ''), m.dict_id, "
                "m.text, m.raw_json FROM messages m LEFT JOIN nodes n ON n.id = m.node "
                "LEFT JOIN conversations c ON c.id = n.conversation_id ORDER BY m.node");
    while (q.step()) {
      if (report_.messages % 4096 == 0) step("messages", report_.messages, total);
      ++report_.messages;
      std::string label = "message " + q.text(1) + "/" + q.text(2);
      if (q.text(2).empty()) {
        label = "message row " + std::to_string(q.int64(0));
        problem(label + ": its node is missing");
      }
      const char* columns[] = {"", "", "", "", "text", "raw JSON"};
      for (int column : {4, 5}) {
        try {
          archive_.codec().decompress(q.blob(column), q.int64(3));
        } catch (const ArchiveError& e) {
          problem(label + ": " + columns[column] + ": " + reason(e));
        }
      }
    }
    step("messages", report_.messages, total);
  }

  void attachments() {
    Statement q(db_,
                "SELECT c.external_id, n.node_id, a.ordinal, a.name, a.sha256, b.id FROM "
                "attachments a LEFT JOIN blobs b ON b.sha256 = a.sha256 "
                "LEFT JOIN nodes n ON n.id = a.message "
                "LEFT JOIN conversations c ON c.id = n.conversation_id "
                "WHERE a.sha256 IS NOT NULL ORDER BY a.message, a.ordinal");
    while (q.step()) {
      ++report_.attachments;
      if (!q.is_null(5)) continue;
      problem("attachment " + std::to_string(q.int64(2)) + " (" + q.text(3) + ") of message " +
              q.text(0) + "/" + q.text(1) + ": its bytes are missing (no blob " + q.text(4) + ")");
    }
  }

  void broken_conversations() {
    Statement q(db_, "SELECT file, idx, raw_json FROM broken_conversations ORDER BY id");
    while (q.step()) {
      try {
        archive_.codec().decompress(q.blob(2), 0);
      } catch (const ArchiveError& e) {
        problem("unreadable conversation kept from " + q.text(0) + "#" +
                std::to_string(q.int64(1)) + ": " + reason(e));
      }
    }
  }

  // Rows pointing at rows that do not exist, from the REFERENCES clauses of the schema. Sources
  // and attachments were reported one by one above, by name.
  // The person's own rows: each must still point at what it was written on (a re-import never
  // moves a node to another conversation, so a mismatch is damage), and a letter must be whole.
  void keepsakes() {
    step("keepsakes", 0, 1);
    report_.keepsakes = count(
        "SELECT (SELECT count(*) FROM keepsake_stars) + (SELECT count(*) FROM keepsake_notes) + "
        "(SELECT count(*) FROM keepsake_letters) + (SELECT count(*) FROM keepsake_rests)");
    Statement stars(db_, R"sql(
SELECT s.node FROM keepsake_stars s LEFT JOIN nodes n ON n.id = s.node
LEFT JOIN messages m ON m.node = s.node
WHERE n.id IS NULL OR n.conversation_id != s.conversation OR m.node IS NULL
)sql");
    while (stars.step()) {
      problem("starred message (node row " + std::to_string(stars.int64(0)) +
              "): not a message of the conversation it was starred in");
    }
    Statement notes(db_, R"sql(
SELECT k.id FROM keepsake_notes k LEFT JOIN nodes n ON n.id = k.node
WHERE k.node IS NOT NULL AND (n.id IS NULL OR n.conversation_id != k.conversation)
   OR k.text = ''
)sql");
    while (notes.step()) {
      problem("note " + std::to_string(notes.int64(0)) +
              ": empty, or not on a message of its conversation");
    }
    Statement letters(db_, "SELECT id, title, letter_date, text FROM keepsake_letters");
    while (letters.step()) {
      const std::string id = "letter " + std::to_string(letters.int64(0));
      if (letters.text(1).empty() || letters.text(3).empty()) {
        problem(id + ": no title or no text");
      }
      if (!valid_letter_date(letters.text(2))) {
        problem(id + ": date '" + letters.text(2) + "' is not YYYY-MM-DD");
      }
    }
    step("keepsakes", 1, 1);
  }

  // A memory record is kept for good, so each must still be the record it was (its digest, the
  // key a re-import matches on) and, when it names a conversation or a message, the archive
  // must hold them: the record arrives with its conversation, which is never deleted.
  void memory_records() {
    step("memory records", 0, 1);
    Statement q(db_, R"sql(
SELECT m.id, m.source, m.kind, m.time, m.text, m.conversation_id, m.node_id, m.project_id,
       m.digest, c.id IS NOT NULL,
       EXISTS (SELECT 1 FROM nodes n JOIN messages g ON g.node = n.id
               WHERE n.conversation_id = c.id AND n.node_id = m.node_id)
FROM memory_records m
LEFT JOIN conversations c ON m.conversation_id <> '' AND c.source = m.source
     AND c.account_id = m.account_id AND c.external_id = m.conversation_id
)sql");
    while (q.step()) {
      ++report_.memory_records;
      const std::string id = "memory record " + std::to_string(q.int64(0));
      model::MemoryRecord r;
      r.source = q.text(1);
      r.kind = q.text(2);
      r.time = q.optional_real(3);
      r.text = q.text(4);
      r.conversation_id = q.text(5);
      r.node_id = q.text(6);
      r.project_id = q.text(7);
      if (memory_record_digest(r) != q.text(8)) problem(id + ": does not match its digest");
      if (r.text.empty()) problem(id + ": empty");
      if (!r.conversation_id.empty() && q.int64(9) == 0) {
        problem(id + ": its conversation " + r.conversation_id + " is not in the archive");
      } else if (!r.node_id.empty() && q.int64(10) == 0) {
        problem(id + ": message " + r.node_id + " is not in conversation " + r.conversation_id);
      }
    }
    step("memory records", 1, 1);
  }

  void references() {
    Statement q(db_,
                "SELECT \"table\", parent, count(*) FROM pragma_foreign_key_check "
                "WHERE \"table\" NOT IN ('sources', 'attachments') GROUP BY 1, 2 ORDER BY 1, 2");
    while (q.step()) {
      problem("table " + q.text(0) + ": " + std::to_string(q.int64(2)) +
              " rows point at missing rows of " + q.text(1));
    }
  }

  const ArchiveImpl& archive_;
  Database& db_;
  const VerifyProgressFn& progress_;
  VerifyReport report_;
  int64_t dropped_ = 0;
};

}  // namespace

VerifyReport verify_archive(const Archive& archive, const VerifyProgressFn& progress) {
  const auto* impl = dynamic_cast<const ArchiveImpl*>(&archive);
  if (!impl) throw ArchiveError(archive.path().string() + ": not an afterglow archive");
  return Verifier(*impl, progress).run();
}

}  // namespace afterglow::store
