#include "schema.h"

#include <chrono>
#include <cstdlib>
#include <string>

#include "afterglow/model/errors.h"
#include "afterglow/store/sqlite.h"

namespace afterglow::store {
namespace {

// Never edit a step once released: archives in the wild were made by it. Add a new step instead.
const std::vector<Migration> kMigrations = {
    {1, "initial schema", R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE accounts (
  id          INTEGER PRIMARY KEY,
  source      TEXT NOT NULL,
  external_id TEXT NOT NULL,
  email       TEXT,
  name        TEXT,
  UNIQUE (source, external_id)
);

CREATE TABLE imports (
  id           INTEGER PRIMARY KEY,
  started_at   REAL NOT NULL,
  finished_at  REAL,
  input_path   TEXT NOT NULL,
  layout       TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  account_id   INTEGER REFERENCES accounts(id),
  export_time  REAL,
  summary      TEXT
);

CREATE TABLE blobs (
  id          INTEGER PRIMARY KEY,
  sha256      TEXT UNIQUE,
  size        INTEGER NOT NULL,
  compression TEXT NOT NULL CHECK (compression IN ('none', 'zstd')),
  stored_size INTEGER NOT NULL,
  mime        TEXT
);

CREATE TABLE blob_chunks (
  blob_id INTEGER NOT NULL REFERENCES blobs(id),
  seq     INTEGER NOT NULL,
  data    BLOB NOT NULL,
  PRIMARY KEY (blob_id, seq)
) WITHOUT ROWID;

CREATE TABLE sources (
  id        INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports(id),
  path      TEXT NOT NULL,
  size      INTEGER NOT NULL,
  sha256    TEXT NOT NULL REFERENCES blobs(sha256)
);
CREATE INDEX sources_by_path ON sources (path, import_id);

CREATE TABLE dictionaries (
  id           INTEGER PRIMARY KEY,
  zstd_dict_id INTEGER NOT NULL,
  created_at   REAL NOT NULL,
  samples      INTEGER NOT NULL,
  sample_bytes INTEGER NOT NULL,
  data         BLOB NOT NULL
);

CREATE TABLE conversations (
  id                INTEGER PRIMARY KEY,
  source            TEXT NOT NULL,
  account_id        INTEGER NOT NULL REFERENCES accounts(id),
  external_id       TEXT NOT NULL,
  title             TEXT NOT NULL,
  create_time       REAL,
  update_time       REAL,
  current_node      TEXT NOT NULL,
  model             TEXT NOT NULL,
  is_archived       INTEGER NOT NULL,
  is_starred        INTEGER NOT NULL,
  gizmo_id          TEXT NOT NULL,
  dict_id           INTEGER NOT NULL,
  meta              BLOB NOT NULL,
  content_hash      TEXT NOT NULL,
  thread_messages   INTEGER NOT NULL,
  first_user_text   TEXT NOT NULL,
  has_branches      INTEGER NOT NULL,
  first_seen_import INTEGER NOT NULL REFERENCES imports(id),
  last_seen_import  INTEGER NOT NULL REFERENCES imports(id),
  gone_upstream     INTEGER REFERENCES imports(id),
  UNIQUE (source, account_id, external_id)
);
CREATE INDEX conversations_by_external_id ON conversations (external_id);
CREATE INDEX conversations_by_create_time ON conversations (create_time);

CREATE TABLE nodes (
  id              INTEGER PRIMARY KEY,
  conversation_id INTEGER NOT NULL REFERENCES conversations(id),
  node_id         TEXT NOT NULL,
  parent          TEXT NOT NULL,
  ordinal         INTEGER NOT NULL,
  position        INTEGER NOT NULL,
  on_thread       INTEGER NOT NULL,
  vanished        INTEGER REFERENCES imports(id),
  UNIQUE (conversation_id, node_id)
);

CREATE TABLE messages (
  node            INTEGER PRIMARY KEY REFERENCES nodes(id),
  role            TEXT NOT NULL,
  author_name     TEXT NOT NULL,
  recipient       TEXT NOT NULL,
  channel         TEXT NOT NULL,
  content_type    TEXT NOT NULL,
  status          TEXT NOT NULL,
  model           TEXT NOT NULL,
  create_time     REAL,
  update_time     REAL,
  weight          REAL NOT NULL,
  end_turn        INTEGER NOT NULL,
  kind            TEXT NOT NULL,
  hidden          INTEGER NOT NULL,
  is_voice        INTEGER NOT NULL,
  unknown_content INTEGER NOT NULL,
  language        TEXT NOT NULL,
  dict_id         INTEGER NOT NULL,
  text            BLOB NOT NULL,
  raw_json        BLOB NOT NULL,
  citations       TEXT NOT NULL,
  content_hash    TEXT NOT NULL,
  seq             INTEGER NOT NULL UNIQUE
);

CREATE TABLE attachments (
  message  INTEGER NOT NULL REFERENCES messages(node),
  ordinal  INTEGER NOT NULL,
  kind     TEXT NOT NULL,
  pointer  TEXT NOT NULL,
  file_id  TEXT NOT NULL,
  name     TEXT NOT NULL,
  mime     TEXT NOT NULL,
  size     INTEGER NOT NULL,
  width    INTEGER NOT NULL,
  height   INTEGER NOT NULL,
  duration REAL NOT NULL,
  member   TEXT NOT NULL,
  sha256   TEXT REFERENCES blobs(sha256),
  PRIMARY KEY (message, ordinal)
) WITHOUT ROWID;
CREATE INDEX attachments_unresolved ON attachments (message) WHERE sha256 IS NULL;

CREATE TABLE broken_conversations (
  id          INTEGER PRIMARY KEY,
  import_id   INTEGER NOT NULL REFERENCES imports(id),
  account_id  INTEGER NOT NULL REFERENCES accounts(id),
  file        TEXT NOT NULL,
  idx         INTEGER NOT NULL,
  external_id TEXT NOT NULL,
  title       TEXT NOT NULL,
  reason      TEXT NOT NULL,
  raw_json    BLOB NOT NULL
);
)sql"},
    // The thumbs up and down the person gave answers (ChatGPT's message_feedback.json). Linked by
    // the export's ids, not by row, so a rating can arrive before its conversation and outlive
    // a re-import of it.
    {2, "message feedback", R"sql(
CREATE TABLE message_feedback (
  id              INTEGER PRIMARY KEY,
  account_id      INTEGER NOT NULL REFERENCES accounts(id),
  source          TEXT NOT NULL,
  external_id     TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  message_id      TEXT NOT NULL,
  rating          TEXT NOT NULL,
  text            TEXT NOT NULL,
  create_time     REAL,
  raw_json        TEXT NOT NULL,
  first_seen_import INTEGER NOT NULL REFERENCES imports(id),
  UNIQUE (source, account_id, conversation_id, message_id)
);
)sql"},
    // The person's own keepsakes: what they starred, noted, wrote and put to rest. Imports,
    // re-imports and reindexing never write these tables; they point at conversations and nodes
    // by row, which a re-import updates in place and never deletes.
    {3, "keepsakes and letters", R"sql(
CREATE TABLE keepsake_stars (
  node         INTEGER PRIMARY KEY REFERENCES nodes(id),
  conversation INTEGER NOT NULL REFERENCES conversations(id),
  created_at   REAL NOT NULL
);

CREATE TABLE keepsake_notes (
  id           INTEGER PRIMARY KEY,
  conversation INTEGER NOT NULL REFERENCES conversations(id),
  node         INTEGER REFERENCES nodes(id),
  text         TEXT NOT NULL,
  created_at   REAL NOT NULL,
  updated_at   REAL NOT NULL
);
CREATE UNIQUE INDEX keepsake_notes_by_target ON keepsake_notes (conversation, coalesce(node, 0));

CREATE TABLE keepsake_letters (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,
  letter_date TEXT NOT NULL,
  text        TEXT NOT NULL,
  created_at  REAL NOT NULL,
  updated_at  REAL NOT NULL
);

CREATE TABLE keepsake_rests (
  conversation INTEGER PRIMARY KEY REFERENCES conversations(id),
  created_at   REAL NOT NULL
);
)sql"},
    // What the companion kept about the person (memory writes, memory snapshots, custom
    // instructions) and the projects and GPTs conversations belong to. Linked by the export's
    // ids like message_feedback; a re-import only adds, so what was deleted upstream stays.
    {4, "memory records and projects", R"sql(
CREATE TABLE memory_records (
  id                INTEGER PRIMARY KEY,
  account_id        INTEGER NOT NULL REFERENCES accounts(id),
  source            TEXT NOT NULL,
  kind              TEXT NOT NULL,
  time              REAL,
  text              TEXT NOT NULL,
  conversation_id   TEXT NOT NULL,
  node_id           TEXT NOT NULL,
  project_id        TEXT NOT NULL,
  digest            TEXT NOT NULL,
  raw_json          TEXT NOT NULL,
  first_seen_import INTEGER NOT NULL REFERENCES imports(id),
  UNIQUE (account_id, digest)
);
CREATE INDEX memory_records_by_time ON memory_records (time);

CREATE TABLE projects (
  id                INTEGER PRIMARY KEY,
  account_id        INTEGER NOT NULL REFERENCES accounts(id),
  source            TEXT NOT NULL,
  external_id       TEXT NOT NULL,
  kind              TEXT NOT NULL,
  name              TEXT NOT NULL,
  description       TEXT NOT NULL,
  instructions      TEXT NOT NULL,
  raw_json          TEXT NOT NULL,
  first_seen_import INTEGER NOT NULL REFERENCES imports(id),
  last_seen_import  INTEGER NOT NULL REFERENCES imports(id),
  UNIQUE (source, account_id, external_id)
);
)sql"},
};

double now_seconds() {
  using namespace std::chrono;
  return duration<double>(system_clock::now().time_since_epoch()).count();
}

bool has_table(Database& db, const char* name) {
  auto& q = db.cached("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  q.bind(1, name);
  bool found = q.step();
  q.reset();
  return found;
}

std::string meta_value(Database& db, const char* key) {
  auto& q = db.cached("SELECT value FROM meta WHERE key = ?");
  q.bind(1, key);
  std::string value = q.step() ? q.text(0) : "";
  q.reset();
  return value;
}

void set_meta(Database& db, const std::string& key, const std::string& value) {
  db.cached(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .bind(1, key)
      .bind(2, value)
      .run();
}

}  // namespace

const std::vector<Migration>& migrations() { return kMigrations; }

int current_schema_version() { return kMigrations.back().version; }

bool schema_needs_upgrade(Database& db) {
  if (!has_table(db, "meta") || meta_value(db, "application") != "afterglow") return false;
  const int version = std::atoi(meta_value(db, "schema_version").c_str());
  return version > 0 && version < current_schema_version();
}

void prepare_schema(Database& db, bool writable) {
  const std::string& path = db.path();
  // The first read also tells whether the file is a database at all.
  auto& count = db.cached("SELECT count(*) FROM sqlite_master");
  count.step();
  const bool empty = count.int64(0) == 0;
  count.reset();

  int version = 0;
  if (!empty) {
    if (!has_table(db, "meta") || meta_value(db, "application") != "afterglow") {
      throw ArchiveError(path + ": not an afterglow archive (no afterglow meta table)",
                         ErrorCode::archive_damaged);
    }
    version = std::atoi(meta_value(db, "schema_version").c_str());
    if (version > current_schema_version()) {
      throw ArchiveError(path + ": archive format " + std::to_string(version) +
                             " is newer than this afterglow understands (" +
                             std::to_string(current_schema_version()) + ")",
                         ErrorCode::archive_newer);
    }
  } else if (!writable) {
    throw ArchiveError(path + ": not an afterglow archive (empty database)",
                       ErrorCode::archive_damaged);
  }
  if (version == current_schema_version()) return;
  if (!writable) {
    throw ArchiveError(path + ": archive format " + std::to_string(version) +
                       " must be upgraded, and the file cannot be written here");
  }

  db.exec("BEGIN IMMEDIATE");
  try {
    for (const auto& step : kMigrations) {
      if (step.version <= version) continue;
      db.exec(std::string(step.sql));
      if (version == 0) {
        set_meta(db, "application", "afterglow");
        set_meta(db, "created_by", AFTERGLOW_VERSION);
        set_meta(db, "created_at", std::to_string(now_seconds()));
      }
      version = step.version;
      set_meta(db, "schema_version", std::to_string(version));
      set_meta(db, "migrated_by", AFTERGLOW_VERSION);
    }
    db.exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace afterglow::store
