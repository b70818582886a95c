// Helpers shared by the security tests: reading and damaging an archive with plain SQLite, and
// a fingerprint of everything an archive holds, to compare two archives.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/cli_runner.h"
#include "generator/export_generator.h"

namespace afterglow::testing {

// A generated export (bench/generator) of about `json_bytes` of conversations, written to `zip`.
inline bench::GeneratorReport generated_export(const std::filesystem::path& zip, std::uint64_t seed,
                                               std::uint64_t json_bytes) {
  bench::GeneratorOptions options;
  options.seed = seed;
  options.target_json_bytes = json_bytes;
  options.zip_path = zip;
  return bench::generate_export(options);
}

// Every row of `sql`, columns joined by '|', rows by '\n'. Fails the test on an SQL error.
inline std::string sql_rows(const std::filesystem::path& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << db_path << ": " << sqlite3_errmsg(db);
    sqlite3_close(db);
    return out;
  }
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
  } else {
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        if (i) out += '|';
        const auto* t = sqlite3_column_text(st, i);
        out += t ? reinterpret_cast<const char*>(t) : "NULL";
      }
      out += '\n';
    }
    if (rc != SQLITE_DONE) ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

// Runs statements that change the archive (to damage it on purpose).
inline void sql_change(const std::filesystem::path& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

// What an archive holds, independent of row ids and of when or how often it was imported:
// conversations, every message's content, every blob, every original file.
inline std::string archive_fingerprint(const std::filesystem::path& db_path) {
  if (!std::filesystem::exists(db_path)) return "(no archive)";
  return sql_rows(db_path,
                  "SELECT 'conversation', external_id, title, content_hash, thread_messages, "
                  "gone_upstream IS NOT NULL FROM conversations ORDER BY external_id") +
         sql_rows(db_path,
                  "SELECT 'message', c.external_id, n.node_id, n.parent, n.on_thread, "
                  "m.content_hash FROM messages m JOIN nodes n ON n.id = m.node "
                  "JOIN conversations c ON c.id = n.conversation_id ORDER BY 2, 3") +
         sql_rows(db_path,
                  "SELECT 'attachment', c.external_id, n.node_id, a.ordinal, a.pointer, "
                  "coalesce(a.sha256, '-') FROM attachments a JOIN nodes n ON n.id = a.message "
                  "JOIN conversations c ON c.id = n.conversation_id ORDER BY 2, 3, 4") +
         sql_rows(db_path, "SELECT 'blob', sha256, size FROM blobs ORDER BY sha256") +
         sql_rows(db_path,
                  "SELECT DISTINCT 'source', path, sha256 FROM sources ORDER BY path, sha256");
}

// Flips one byte of the first chunk of the blob with this SHA-256, as a failing disk would.
inline void flip_chunk_byte(const std::filesystem::path& db_path, const std::string& sha256,
                            size_t offset) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT c.blob_id, c.data FROM blob_chunks c JOIN blobs b ON "
                               "b.id = c.blob_id WHERE b.sha256 = ? AND c.seq = 0",
                               -1, &st, nullptr),
            SQLITE_OK);
  sqlite3_bind_text(st, 1, sha256.c_str(), -1, SQLITE_TRANSIENT);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW) << sha256;
  const int64_t blob_id = sqlite3_column_int64(st, 0);
  std::string data(static_cast<const char*>(sqlite3_column_blob(st, 1)),
                   static_cast<size_t>(sqlite3_column_bytes(st, 1)));
  sqlite3_finalize(st);
  ASSERT_LT(offset, data.size());
  data[offset] = static_cast<char>(data[offset] ^ 0x5A);
  ASSERT_EQ(sqlite3_prepare_v2(db, "UPDATE blob_chunks SET data = ? WHERE blob_id = ? AND seq = 0",
                               -1, &st, nullptr),
            SQLITE_OK);
  sqlite3_bind_blob(st, 1, data.data(), static_cast<int>(data.size()), SQLITE_TRANSIENT);
  sqlite3_bind_int64(st, 2, blob_id);
  EXPECT_EQ(sqlite3_step(st), SQLITE_DONE);
  sqlite3_finalize(st);
  sqlite3_close(db);
}

inline int64_t sql_int(const std::filesystem::path& db_path, const std::string& sql) {
  std::string rows = sql_rows(db_path, sql);
  return rows.empty() ? -1 : std::stoll(rows);
}

}  // namespace afterglow::testing
