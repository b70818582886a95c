// The keepsake tables (schema step "keepsakes and letters"): small writes of the person's own,
// each in its own transaction, never part of an import.
#include "afterglow/store/keepsakes.h"

#include <chrono>

#include "afterglow/model/errors.h"
#include "afterglow/model/local_time.h"
#include "afterglow/text/cut.h"
#include "archive_impl.h"

namespace afterglow::store {
namespace {

// Long enough to recognise a message in a list, short enough for one terminal line.
constexpr size_t kExcerptChars = 80;

double now_seconds() {
  using namespace std::chrono;
  return duration<double>(system_clock::now().time_since_epoch()).count();
}

const ArchiveImpl& impl(const Archive& archive) { return static_cast<const ArchiveImpl&>(archive); }
ArchiveImpl& impl(Archive& archive) { return static_cast<ArchiveImpl&>(archive); }

// The conversation row `load` would show for an export id (the newest account's, when two
// accounts hold the same id).
std::optional<int64_t> conversation_row(Database& db, const std::string& conversation_id) {
  auto& q = db.cached(
      "SELECT id FROM conversations WHERE external_id = ? "
      "ORDER BY last_seen_import DESC, id DESC LIMIT 1");
  q.bind(1, conversation_id);
  std::optional<int64_t> row;
  if (q.step()) row = q.int64(0);
  q.reset();
  return row;
}

int64_t require_conversation(Database& db, const std::string& conversation_id) {
  auto row = conversation_row(db, conversation_id);
  if (!row) throw NotFound("no conversation matches '" + conversation_id + "'");
  return *row;
}

struct NodeRows {
  int64_t conversation = 0;
  int64_t node = 0;
};

NodeRows require_message(Database& db, const MessageRef& ref) {
  const int64_t conversation = require_conversation(db, ref.conversation_id);
  auto& q = db.cached(
      "SELECT n.id FROM nodes n JOIN messages m ON m.node = n.id "
      "WHERE n.conversation_id = ? AND n.node_id = ?");
  q.bind(1, conversation).bind(2, ref.node_id);
  const bool found = q.step();
  const int64_t node = found ? q.int64(0) : 0;
  q.reset();
  if (!found) {
    throw NotFound("no message '" + ref.node_id + "' in conversation '" + ref.conversation_id +
                   "'");
  }
  return {conversation, node};
}

bool changed(Database& db) { return db.changes() > 0; }

}  // namespace

bool valid_letter_date(std::string_view date) {
  // A whole day, not a year or a month (which parse_local_date also accepts).
  return date.size() == 10 && model::parse_local_date(date).has_value();
}

MessageRef resolve_message(const Archive& archive, std::string_view node_or_prefix) {
  Database& db = impl(archive).database();
  const std::string wanted(node_or_prefix);
  if (!wanted.empty()) {
    // An exact id wins over longer ids it is a prefix of.
    for (const char* sql :
         {"SELECT c.external_id, n.node_id, c.source, a.external_id FROM nodes n "
          "JOIN messages m ON m.node = n.id JOIN conversations c ON c.id = n.conversation_id "
          "JOIN accounts a ON a.id = c.account_id WHERE n.node_id = ?1 "
          "ORDER BY c.last_seen_import DESC, c.id DESC LIMIT 2",
          "SELECT c.external_id, n.node_id, c.source, a.external_id FROM nodes n "
          "JOIN messages m ON m.node = n.id JOIN conversations c ON c.id = n.conversation_id "
          "JOIN accounts a ON a.id = c.account_id "
          "WHERE substr(n.node_id, 1, length(?1)) = ?1 LIMIT 2"}) {
      Statement q(db, sql);
      q.bind(1, wanted);
      std::vector<MessageRef> found;
      while (q.step()) found.push_back({q.text(0), q.text(1)});
      if (found.size() == 1) return found.front();
      if (found.size() > 1) {
        throw NotFound("'" + wanted + "' is ambiguous: several messages match");
      }
    }
  }
  throw NotFound("no message matches '" + wanted + "'");
}

NoteTarget resolve_note_target(const Archive& archive, std::string_view id_or_prefix) {
  try {
    return {archive.resolve_id(id_or_prefix), ""};
  } catch (const NotFound&) {
    // Not a conversation: a message, or an error that says neither matched.
  }
  try {
    MessageRef m = resolve_message(archive, id_or_prefix);
    return {m.conversation_id, m.node_id};
  } catch (const NotFound&) {
    throw NotFound("no conversation or message matches '" + std::string(id_or_prefix) + "'");
  }
}

bool star(Archive& archive, const MessageRef& message) {
  ArchiveImpl& a = impl(archive);
  a.require_writable("star a message");
  Database& db = a.database();
  const NodeRows rows = require_message(db, message);
  db.cached(
        "INSERT INTO keepsake_stars (node, conversation, created_at) VALUES (?, ?, ?) "
        "ON CONFLICT (node) DO NOTHING")
      .bind(1, rows.node)
      .bind(2, rows.conversation)
      .bind(3, now_seconds())
      .run();
  return changed(db);
}

bool unstar(Archive& archive, const MessageRef& message) {
  ArchiveImpl& a = impl(archive);
  a.require_writable("unstar a message");
  Database& db = a.database();
  const NodeRows rows = require_message(db, message);
  db.cached("DELETE FROM keepsake_stars WHERE node = ?").bind(1, rows.node).run();
  return changed(db);
}

namespace {

// The rows a note target names: the conversation, and its node (0 for the whole conversation).
NodeRows note_rows(Database& db, const NoteTarget& target) {
  if (target.node_id.empty()) return {require_conversation(db, target.conversation_id), 0};
  return require_message(db, {target.conversation_id, target.node_id});
}

}  // namespace

void set_note(Archive& archive, const NoteTarget& target, const std::string& text) {
  ArchiveImpl& a = impl(archive);
  a.require_writable("write a note");
  if (text.empty()) throw Error("a note needs some text");
  Database& db = a.database();
  const NodeRows rows = note_rows(db, target);
  const double now = now_seconds();
  Statement q(db,
              "INSERT INTO keepsake_notes (conversation, node, text, created_at, updated_at) "
              "VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT (conversation, coalesce(node, 0)) "
              "DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at");
  q.bind(1, rows.conversation);
  if (rows.node == 0) {
    q.bind_null(2);
  } else {
    q.bind(2, rows.node);
  }
  q.bind(3, text).bind(4, now);
  q.run();
}

bool remove_note(Archive& archive, const NoteTarget& target) {
  ArchiveImpl& a = impl(archive);
  a.require_writable("remove a note");
  Database& db = a.database();
  const NodeRows rows = note_rows(db, target);
  db.cached("DELETE FROM keepsake_notes WHERE conversation = ? AND coalesce(node, 0) = ?")
      .bind(1, rows.conversation)
      .bind(2, rows.node)
      .run();
  return changed(db);
}

namespace {

void check_letter(const std::string& title, const std::string& date, const std::string& text) {
  if (title.empty()) throw Error("a letter needs a title");
  if (text.empty()) throw Error("a letter needs some text");
  if (!valid_letter_date(date)) {
    throw Error("'" + date + "' is not a date written YYYY-MM-DD", ErrorCode::bad_date);
  }
}

}  // namespace

int64_t add_letter(Archive& archive, const std::string& title, const std::string& date,
                   const std::string& text) {
  ArchiveImpl& a = impl(archive);
  a.require_writable("write a letter");
  check_letter(title, date, text);
  Database& db = a.database();
  db.cached(
        "INSERT INTO keepsake_letters (title, letter_date, text, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?4)")
      .bind(1, title)
      .bind(2, date)
      .bind(3, text)
      .bind(4, now_seconds())
      .run();
  return db.last_insert_rowid();
}

void update_letter(Archive& archive, const Letter& letter) {
  ArchiveImpl& a = impl(archive);
  a.require_writable("change a letter");
  check_letter(letter.title, letter.date, letter.text);
  Database& db = a.database();
  db.cached(
        "UPDATE keepsake_letters SET title = ?, letter_date = ?, text = ?, updated_at = ? "
        "WHERE id = ?")
      .bind(1, letter.title)
      .bind(2, letter.date)
      .bind(3, letter.text)
      .bind(4, now_seconds())
      .bind(5, letter.id)
      .run();
  if (!changed(db)) throw NotFound("no letter " + std::to_string(letter.id));
}

bool remove_letter(Archive& archive, int64_t id) {
  ArchiveImpl& a = impl(archive);
  a.require_writable("remove a letter");
  Database& db = a.database();
  db.cached("DELETE FROM keepsake_letters WHERE id = ?").bind(1, id).run();
  return changed(db);
}

bool rest(Archive& archive, const std::string& conversation_id) {
  ArchiveImpl& a = impl(archive);
  a.require_writable("put a conversation to rest");
  Database& db = a.database();
  const int64_t row = require_conversation(db, conversation_id);
  db.cached(
        "INSERT INTO keepsake_rests (conversation, created_at) VALUES (?, ?) "
        "ON CONFLICT (conversation) DO NOTHING")
      .bind(1, row)
      .bind(2, now_seconds())
      .run();
  return changed(db);
}

bool wake(Archive& archive, const std::string& conversation_id) {
  ArchiveImpl& a = impl(archive);
  a.require_writable("wake a conversation");
  Database& db = a.database();
  const int64_t row = require_conversation(db, conversation_id);
  db.cached("DELETE FROM keepsake_rests WHERE conversation = ?").bind(1, row).run();
  return changed(db);
}

namespace {

Letter letter_from(const Statement& q) {
  Letter l;
  l.id = q.int64(0);
  l.title = q.text(1);
  l.date = q.text(2);
  l.text = q.text(3);
  l.created_at = q.real(4);
  l.updated_at = q.real(5);
  return l;
}

constexpr const char* kLetterColumns =
    "SELECT id, title, letter_date, text, created_at, updated_at FROM keepsake_letters ";

}  // namespace

Keepsakes keepsakes(const Archive& archive) {
  const ArchiveImpl& a = impl(archive);
  Database& db = a.database();
  Keepsakes out;
  {
    Statement q(db, R"sql(
SELECT c.external_id, n.node_id, c.title, m.role, m.create_time, m.text, m.dict_id, s.created_at,
       c.source, a.external_id
FROM keepsake_stars s JOIN nodes n ON n.id = s.node JOIN messages m ON m.node = n.id
JOIN conversations c ON c.id = s.conversation JOIN accounts a ON a.id = c.account_id
ORDER BY m.create_time IS NULL, m.create_time, c.external_id, n.node_id
)sql");
    while (q.step()) {
      StarredMessage s;
      s.message = {q.text(0), q.text(1)};
      s.source = q.text(8);
      s.account = q.text(9);
      s.conversation_title = q.text(2);
      s.role = q.text(3);
      s.message_time = q.optional_real(4);
      s.excerpt = text::one_line_excerpt(a.codec().decompress(q.blob(5), q.int64(6)), kExcerptChars,
                                         text::ExcerptEnd::at_character);
      s.starred_at = q.real(7);
      out.stars.push_back(std::move(s));
    }
  }
  {
    Statement q(db, R"sql(
SELECT c.external_id, coalesce(n.node_id, ''), c.title, k.text, k.created_at, k.updated_at
FROM keepsake_notes k JOIN conversations c ON c.id = k.conversation
LEFT JOIN nodes n ON n.id = k.node
ORDER BY c.create_time IS NULL, c.create_time, c.external_id, n.ordinal IS NOT NULL, n.ordinal
)sql");
    while (q.step()) {
      Note n;
      n.target = {q.text(0), q.text(1)};
      n.conversation_title = q.text(2);
      n.text = q.text(3);
      n.created_at = q.real(4);
      n.updated_at = q.real(5);
      out.notes.push_back(std::move(n));
    }
  }
  {
    Statement q(db, std::string(kLetterColumns) + "ORDER BY letter_date, created_at, id");
    while (q.step()) out.letters.push_back(letter_from(q));
  }
  {
    Statement q(db, R"sql(
SELECT c.external_id, c.title, c.create_time, r.created_at
FROM keepsake_rests r JOIN conversations c ON c.id = r.conversation
ORDER BY c.create_time IS NULL, c.create_time, c.external_id
)sql");
    while (q.step()) {
      out.resting.push_back({q.text(0), q.text(1), q.optional_real(2), q.real(3)});
    }
  }
  return out;
}

std::optional<Letter> letter(const Archive& archive, int64_t id) {
  Statement q(impl(archive).database(), std::string(kLetterColumns) + "WHERE id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return letter_from(q);
}

std::set<std::string> starred_in(const Archive& archive, const std::string& conversation_id) {
  Database& db = impl(archive).database();
  std::set<std::string> out;
  auto row = conversation_row(db, conversation_id);
  if (!row) return out;
  Statement q(db,
              "SELECT n.node_id FROM keepsake_stars s JOIN nodes n ON n.id = s.node "
              "WHERE s.conversation = ?");
  q.bind(1, *row);
  while (q.step()) out.insert(q.text(0));
  return out;
}

bool is_resting(const Archive& archive, const std::string& conversation_id) {
  Database& db = impl(archive).database();
  auto row = conversation_row(db, conversation_id);
  if (!row) return false;
  auto& q = db.cached("SELECT 1 FROM keepsake_rests WHERE conversation = ?");
  q.bind(1, *row);
  const bool found = q.step();
  q.reset();
  return found;
}

std::set<std::string> resting_conversations(const Archive& archive) {
  Statement q(impl(archive).database(),
              "SELECT c.external_id FROM keepsake_rests r "
              "JOIN conversations c ON c.id = r.conversation");
  std::set<std::string> out;
  while (q.step()) out.insert(q.text(0));
  return out;
}

}  // namespace afterglow::store
