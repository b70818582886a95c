// One import: a single SQLite transaction from begin() to commit(). Conversations are merged
// into what the archive already holds (key: source, account, conversation id, node id); nothing
// is ever deleted, only added, updated, or marked as gone from the newer export.
#include <zstd.h>

#include <chrono>
#include <unordered_map>

#include "afterglow/model/errors.h"
#include "afterglow/store/memories.h"
#include "archive_impl.h"
#include "blob_store.h"
#include "conversation_digest.h"
#include "json_text.h"
#include "merge_decision.h"

namespace afterglow::store {
namespace {

// Until the archive has a dictionary, conversations wait in memory until this much sample text
// has arrived (or the input ends), then a dictionary is trained and they are all written with it.
constexpr size_t kTrainingBytes = 2 << 20;
constexpr size_t kMaxDictionaryBytes = 110 * 1024;
constexpr size_t kMaxSampleBytes = 64 * 1024;

double now_seconds() {
  using namespace std::chrono;
  return duration<double>(system_clock::now().time_since_epoch()).count();
}

// What the archive knows about one conversation of the importing account.
struct Known {
  int64_t row = 0;
  std::string hash;
  model::Timestamp update_time;
  bool seen = false;  // already met in this import
  enum class Counted { none, added, updated, unchanged } counted = Counted::none;
  int64_t messages = 0;  // counted into messages_total for this import
};

class ImportImpl;

class SourceWriter : public model::FileWriter {
 public:
  SourceWriter(ImportImpl& import, Database& db, model::MemberInfo member, ZSTD_CCtx* cctx,
               std::optional<BlobLocation> previous)
      : import_(import),
        member_(std::move(member)),
        cctx_(cctx),
        writer_(std::make_unique<BlobWriter>(db, cctx, std::move(previous))) {}
  ~SourceWriter() override;
  void write(std::string_view chunk) override { writer_->write(chunk); }
  void finish() override;

 private:
  ImportImpl& import_;
  model::MemberInfo member_;
  ZSTD_CCtx* cctx_;
  std::unique_ptr<BlobWriter> writer_;
  bool finished_ = false;
};

class ImportImpl : public Import {
 public:
  ImportImpl(ArchiveImpl& archive, std::string tool_version)
      : archive_(archive), db_(archive.database()), tool_version_(std::move(tool_version)) {
    archive_.import_active = true;
  }

  ~ImportImpl() override {
    if (in_transaction_ && !committed_) {
      // Leave the archive exactly as it was before begin().
      sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
    for (ZSTD_CCtx* c : cctx_pool_) ZSTD_freeCCtx(c);
    archive_.import_active = false;
  }

  void begin(const model::Survey& survey) override;
  std::unique_ptr<model::FileWriter> original_file(const model::MemberInfo& member) override;
  void conversation(model::Conversation&& conversation) override;
  void broken_conversation(model::BrokenConversation&& broken) override;
  void message_feedback(model::MessageFeedback&& feedback) override;
  void memory_record(model::MemoryRecord&& record) override;
  void project(model::Project&& project) override;
  void resolve_attachments(const model::AssetResolver& resolver) override;
  ImportSummary commit() override;

  ZSTD_CCtx* take_cctx() {
    if (cctx_pool_.empty()) return ZSTD_createCCtx();
    ZSTD_CCtx* c = cctx_pool_.back();
    cctx_pool_.pop_back();
    return c;
  }
  void give_back(ZSTD_CCtx* c) { cctx_pool_.push_back(c); }
  void source_stored(const model::MemberInfo& member, const BlobResult& result);

 private:
  void require_begun() const {
    if (!in_transaction_ || committed_) {
      throw ArchiveError(db_.path() + ": import used outside begin()/commit()");
    }
  }
  int64_t find_account(const model::Account& account);
  void load_known();
  void flush_pending();
  void train_dictionary_from_pending();
  void store(const model::Conversation& c);
  void note_unchanged(Known& known, const ConversationDigest& d);
  void write_changed(const model::Conversation& c, const ConversationDigest& d,
                     const std::string& key, Known* known);
  void update_upstream_marks();
  int64_t write_conversation_row(const model::Conversation& c, const ConversationDigest& d,
                                 int64_t existing_row);
  void write_nodes(const model::Conversation& c, const ConversationDigest& d, int64_t row,
                   bool existing);
  void write_message(int64_t node_row, const model::Message& m, const std::string& hash);
  void renew_seq(int64_t node_row);
  void write_attachments(int64_t node_row, const model::Message& m);
  std::string summary_json() const;

  ArchiveImpl& archive_;
  Database& db_;
  std::string tool_version_;
  bool in_transaction_ = false;
  bool committed_ = false;
  ImportSummary summary_;
  int64_t import_id_ = 0;
  int64_t account_id_ = 0;
  // The newest update_time among this export's conversations: how recent the export is.
  model::Timestamp newest_update_;
  int64_t next_seq_ = 1;

  std::unordered_map<std::string, Known> known_;  // key: source + '\n' + conversation id
  std::unordered_map<std::string, std::string> member_sha256_;  // stored by this import
  std::vector<ZSTD_CCtx*> cctx_pool_;

  int64_t dict_id_ = 0;      // dictionaries.id used for new rows; 0 = plain zstd
  bool collecting_ = false;  // no dictionary yet: conversations wait in pending_
  std::vector<model::Conversation> pending_;
  TrainingSamples samples_;
};

SourceWriter::~SourceWriter() {
  if (!finished_) {
    try {
      writer_->abandon();  // an unfinished file leaves no half-written blob behind
    } catch (const Error&) {
      // The import is failing already; its rollback removes the rows anyway.
    }
  }
  writer_.reset();
  import_.give_back(cctx_);
}

void SourceWriter::finish() {
  if (finished_) return;
  finished_ = true;
  import_.source_stored(member_, writer_->finish());
}

void ImportImpl::source_stored(const model::MemberInfo& member, const BlobResult& result) {
  db_.cached("INSERT INTO sources (import_id, path, size, sha256) VALUES (?, ?, ?, ?)")
      .bind(1, import_id_)
      .bind(2, member.path)
      .bind(3, result.size)
      .bind(4, result.sha256)
      .run();
  member_sha256_[member.path] = result.sha256;
  if (result.already_stored) {
    ++summary_.sources_unchanged;
  } else {
    ++summary_.sources_new;
    summary_.bytes_stored += result.stored_bytes;
  }
}

void ImportImpl::begin(const model::Survey& survey) {
  if (in_transaction_) throw ArchiveError(db_.path() + ": import begun twice");
  // IMMEDIATE takes the write lock now, so a second writer fails here rather than mid-import.
  db_.exec("BEGIN IMMEDIATE");
  in_transaction_ = true;

  account_id_ = find_account(survey.account);
  db_.cached(
         "INSERT INTO imports (started_at, input_path, layout, tool_version, account_id) "
         "VALUES (?, ?, ?, ?, ?)")
      .bind(1, now_seconds())
      .bind(2, survey.input_path)
      .bind(3, survey.layout)
      .bind(4, tool_version_)
      .bind(5, account_id_)
      .run();
  import_id_ = db_.last_insert_rowid();
  summary_.import_id = import_id_;

  auto& seq = db_.cached("SELECT coalesce(max(seq), 0) FROM messages");
  seq.step();
  next_seq_ = seq.int64(0) + 1;
  seq.reset();

  auto& dict = db_.cached("SELECT coalesce(max(id), 0) FROM dictionaries");
  dict.step();
  dict_id_ = dict.int64(0);
  dict.reset();
  collecting_ = dict_id_ == 0;

  load_known();
}

int64_t ImportImpl::find_account(const model::Account& account) {
  if (account.id.empty()) {
    // A bare conversations.json says nothing of its account: when the archive knows exactly one
    // account of this source, it is that one, so re-importing the same data does not duplicate.
    auto& q = db_.cached("SELECT id FROM accounts WHERE source = ?");
    q.bind(1, account.source);
    std::vector<int64_t> ids;
    while (q.step()) ids.push_back(q.int64(0));
    q.reset();
    if (ids.size() == 1) return ids.front();
  }
  db_.cached(
         "INSERT INTO accounts (source, external_id, email, name) VALUES (?, ?, ?, ?) "
         "ON CONFLICT (source, external_id) DO UPDATE SET "
         "email = coalesce(excluded.email, accounts.email), "
         "name = coalesce(excluded.name, accounts.name)")
      .bind(1, account.source)
      .bind(2, account.id)
      .bind_text_or_null(3, account.email)
      .bind_text_or_null(4, account.name)
      .run();
  auto& q = db_.cached("SELECT id FROM accounts WHERE source = ? AND external_id = ?");
  q.bind(1, account.source).bind(2, account.id);
  q.step();
  int64_t id = q.int64(0);
  q.reset();
  return id;
}

void ImportImpl::load_known() {
  auto& q = db_.cached(
      "SELECT id, source, external_id, content_hash, update_time FROM conversations "
      "WHERE account_id = ?");
  q.bind(1, account_id_);
  while (q.step()) {
    Known k;
    k.row = q.int64(0);
    k.hash = q.text(3);
    k.update_time = q.optional_real(4);
    known_.emplace(q.text(1) + '\n' + q.text(2), std::move(k));
  }
  q.reset();
}

std::unique_ptr<model::FileWriter> ImportImpl::original_file(const model::MemberInfo& member) {
  require_begun();
  // The same path in an earlier import is most likely the same bytes: compare instead of write.
  auto& q = db_.cached(
      "SELECT b.id, b.sha256, b.size, b.compression, coalesce(b.mime, '') FROM sources s "
      "JOIN blobs b ON b.sha256 = s.sha256 WHERE s.path = ? ORDER BY s.import_id DESC LIMIT 1");
  q.bind(1, member.path);
  std::optional<BlobLocation> previous;
  if (q.step()) previous = BlobLocation{q.int64(0), q.text(1), q.int64(2), q.text(3), q.text(4)};
  q.reset();
  return std::make_unique<SourceWriter>(*this, db_, member, take_cctx(), std::move(previous));
}

void ImportImpl::conversation(model::Conversation&& conversation) {
  require_begun();
  if (!collecting_) {
    store(conversation);
    return;
  }
  for (const auto& node : conversation.nodes) {
    if (!node.message) continue;
    samples_.add(std::string_view(node.message->text).substr(0, kMaxSampleBytes));
    samples_.add(std::string_view(node.message->raw_json).substr(0, kMaxSampleBytes));
  }
  pending_.push_back(std::move(conversation));
  if (samples_.bytes.size() >= kTrainingBytes) flush_pending();
}

void ImportImpl::train_dictionary_from_pending() {
  collecting_ = false;
  size_t capacity = std::min(kMaxDictionaryBytes, samples_.bytes.size() / 16);
  auto dictionary = train_dictionary(samples_, capacity);
  if (dictionary) {
    db_.cached(
           "INSERT INTO dictionaries (zstd_dict_id, created_at, samples, sample_bytes, data) "
           "VALUES (?, ?, ?, ?, ?)")
        .bind(1, static_cast<int64_t>(zstd_dictionary_id(*dictionary)))
        .bind(2, now_seconds())
        .bind(3, static_cast<int64_t>(samples_.sizes.size()))
        .bind(4, static_cast<int64_t>(samples_.bytes.size()))
        .bind_blob(5, *dictionary)
        .run();
    dict_id_ = db_.last_insert_rowid();
    summary_.bytes_stored += static_cast<int64_t>(dictionary->size());
  }
  samples_ = TrainingSamples{};
}

void ImportImpl::flush_pending() {
  if (!collecting_ && pending_.empty()) return;
  if (collecting_) train_dictionary_from_pending();
  std::vector<model::Conversation> pending;
  pending.swap(pending_);
  for (const auto& c : pending) store(c);
}

void ImportImpl::store(const model::Conversation& c) {
  const ConversationDigest d = digest(c);
  const std::string key = c.source + '\n' + c.id;
  auto found = known_.find(key);
  Known* known = found == known_.end() ? nullptr : &found->second;
  std::optional<StoredVersion> stored;
  if (known) stored = StoredVersion{known->hash, known->update_time, known->seen};

  const ConversationMerge decision = decide_conversation(stored, {d.hash, c.update_time});
  if (decision == ConversationMerge::ignore_older_duplicate) return;
  if (c.update_time && (!newest_update_ || *c.update_time > *newest_update_)) {
    newest_update_ = c.update_time;
  }
  if (decision == ConversationMerge::unchanged ||
      decision == ConversationMerge::keep_newer_stored) {
    note_unchanged(*known, d);
    return;
  }
  write_changed(c, d, key, known);
}

void ImportImpl::note_unchanged(Known& known, const ConversationDigest& d) {
  db_.cached("UPDATE conversations SET last_seen_import = ? WHERE id = ?")
      .bind(1, import_id_)
      .bind(2, known.row)
      .run();
  if (known.seen) return;
  known.seen = true;
  known.counted = Known::Counted::unchanged;
  known.messages = d.message_count;
  ++summary_.conversations_unchanged;
  summary_.messages_total += d.message_count;
}

void ImportImpl::write_changed(const model::Conversation& c, const ConversationDigest& d,
                               const std::string& key, Known* known) {
  const bool was_known = known != nullptr;
  const int64_t messages_new = summary_.messages_new;
  const int64_t messages_updated = summary_.messages_updated;
  try {
    Savepoint savepoint(db_, "conversation");
    int64_t row = write_conversation_row(c, d, known ? known->row : 0);
    write_nodes(c, d, row, known != nullptr);
    savepoint.release();
    if (!known) {
      known = &known_.emplace(key, Known{}).first->second;
      known->row = row;
    }
  } catch (const Error& e) {
    summary_.messages_new = messages_new;
    summary_.messages_updated = messages_updated;
    ++summary_.conversations_skipped;
    summary_.skipped.push_back(c.id + ": " + e.what());
    return;
  }

  known->hash = d.hash;
  known->update_time = c.update_time;
  summary_.messages_total += d.message_count - known->messages;
  known->messages = d.message_count;
  // Counted once per import: a later, newer duplicate turns "unchanged" into "updated".
  switch (known->counted) {
    case Known::Counted::none:
      if (!was_known) {
        known->counted = Known::Counted::added;
        ++summary_.conversations_new;
      } else {
        known->counted = Known::Counted::updated;
        ++summary_.conversations_updated;
      }
      break;
    case Known::Counted::unchanged:
      --summary_.conversations_unchanged;
      ++summary_.conversations_updated;
      known->counted = Known::Counted::updated;
      break;
    case Known::Counted::added:
    case Known::Counted::updated:
      break;
  }
  known->seen = true;
}

int64_t ImportImpl::write_conversation_row(const model::Conversation& c,
                                           const ConversationDigest& d, int64_t existing_row) {
  TextCodec& codec = archive_.codec();
  std::string meta = codec.compress(c.meta_json, dict_id_);
  if (existing_row == 0) {
    db_.cached(
           "INSERT INTO conversations (source, account_id, external_id, title, create_time, "
           "update_time, current_node, model, is_archived, is_starred, gizmo_id, dict_id, meta, "
           "content_hash, thread_messages, first_user_text, has_branches, first_seen_import, "
           "last_seen_import) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .bind(1, c.source)
        .bind(2, account_id_)
        .bind(3, c.id)
        .bind(4, c.title)
        .bind(5, c.create_time)
        .bind(6, c.update_time)
        .bind(7, c.current_node)
        .bind(8, c.model)
        .bind(9, c.is_archived)
        .bind(10, c.is_starred)
        .bind(11, c.gizmo_id)
        .bind(12, dict_id_)
        .bind_blob(13, meta)
        .bind(14, d.hash)
        .bind(15, d.thread_messages)
        .bind(16, d.first_user_text)
        .bind(17, d.has_branches)
        .bind(18, import_id_)
        .bind(19, import_id_)
        .run();
    return db_.last_insert_rowid();
  }
  db_.cached(
         "UPDATE conversations SET title = ?, create_time = ?, update_time = ?, "
         "current_node = ?, model = ?, is_archived = ?, is_starred = ?, gizmo_id = ?, "
         "dict_id = ?, meta = ?, content_hash = ?, thread_messages = ?, first_user_text = ?, "
         "has_branches = ?, last_seen_import = ? WHERE id = ?")
      .bind(1, c.title)
      .bind(2, c.create_time)
      .bind(3, c.update_time)
      .bind(4, c.current_node)
      .bind(5, c.model)
      .bind(6, c.is_archived)
      .bind(7, c.is_starred)
      .bind(8, c.gizmo_id)
      .bind(9, dict_id_)
      .bind_blob(10, meta)
      .bind(11, d.hash)
      .bind(12, d.thread_messages)
      .bind(13, d.first_user_text)
      .bind(14, d.has_branches)
      .bind(15, import_id_)
      .bind(16, existing_row)
      .run();
  return existing_row;
}

void ImportImpl::write_nodes(const model::Conversation& c, const ConversationDigest& d, int64_t row,
                             bool existing) {
  std::vector<StoredNode> stored;
  std::unordered_map<std::string, int64_t> stored_rows;
  if (existing) {
    auto& q = db_.cached(
        "SELECT n.id, n.node_id, coalesce(m.content_hash, '') FROM nodes n "
        "LEFT JOIN messages m ON m.node = n.id WHERE n.conversation_id = ? ORDER BY n.ordinal");
    q.bind(1, row);
    while (q.step()) {
      stored.push_back({q.text(1), q.text(2)});
      stored_rows.emplace(stored.back().id, q.int64(0));
    }
    q.reset();
  }
  std::vector<IncomingNode> incoming;
  std::vector<size_t> at;  // index in c.nodes of each incoming node (duplicates left out)
  for (size_t i = 0; i < c.nodes.size(); ++i) {
    if (d.duplicate[i]) continue;
    incoming.push_back({c.nodes[i].id, c.nodes[i].message.has_value(), d.message_hashes[i]});
    at.push_back(i);
  }
  const NodePlan plan = plan_nodes(stored, incoming);

  int64_t ordinal = 0;
  for (size_t k = 0; k < incoming.size(); ++k) {
    const size_t i = at[k];
    const model::Node& node = c.nodes[i];
    int64_t node_row = 0;
    if (plan.stored[k]) {
      node_row = stored_rows.at(node.id);
      db_.cached(
             "UPDATE nodes SET parent = ?, ordinal = ?, position = ?, on_thread = ?, "
             "vanished = NULL WHERE id = ?")
          .bind(1, node.parent)
          .bind(2, ordinal)
          .bind(3, d.positions[i])
          .bind(4, static_cast<bool>(d.on_thread[i]))
          .bind(5, node_row)
          .run();
    } else {
      db_.cached(
             "INSERT INTO nodes (conversation_id, node_id, parent, ordinal, position, "
             "on_thread) VALUES (?, ?, ?, ?, ?, ?)")
          .bind(1, row)
          .bind(2, node.id)
          .bind(3, node.parent)
          .bind(4, ordinal)
          .bind(5, d.positions[i])
          .bind(6, static_cast<bool>(d.on_thread[i]))
          .run();
      node_row = db_.last_insert_rowid();
    }
    ++ordinal;
    switch (plan.message[k]) {
      case MessageMerge::none:
        break;
      case MessageMerge::renew:
        renew_seq(node_row);
        break;
      case MessageMerge::add:
      case MessageMerge::update:
        write_message(node_row, *node.message, d.message_hashes[i]);
        ++(plan.message[k] == MessageMerge::add ? summary_.messages_new
                                                : summary_.messages_updated);
        break;
    }
  }

  // Nodes missing from the newer export stay, marked, after the current ones; their messages
  // get a new seq so the indexes move them off the thread.
  std::unordered_map<std::string, bool> has_message;
  for (const auto& node : stored) has_message.emplace(node.id, !node.message_hash.empty());
  for (const auto& id : plan.vanished) {
    const int64_t node_row = stored_rows.at(id);
    db_.cached(
           "UPDATE nodes SET vanished = coalesce(vanished, ?), on_thread = 0, ordinal = ? "
           "WHERE id = ?")
        .bind(1, import_id_)
        .bind(2, ordinal++)
        .bind(3, node_row)
        .run();
    if (has_message.at(id)) renew_seq(node_row);
  }
}

void ImportImpl::renew_seq(int64_t node_row) {
  db_.cached("UPDATE messages SET seq = ? WHERE node = ?")
      .bind(1, next_seq_++)
      .bind(2, node_row)
      .run();
}

void ImportImpl::write_message(int64_t node_row, const model::Message& m, const std::string& hash) {
  TextCodec& codec = archive_.codec();
  std::string text = codec.compress(m.text, dict_id_);
  std::string raw = codec.compress(m.raw_json, dict_id_);
  db_.cached(
         "INSERT INTO messages (node, role, author_name, recipient, channel, content_type, "
         "status, model, create_time, update_time, weight, end_turn, kind, hidden, is_voice, "
         "unknown_content, language, dict_id, text, raw_json, citations, content_hash, seq) "
         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
         "ON CONFLICT (node) DO UPDATE SET role = excluded.role, "
         "author_name = excluded.author_name, recipient = excluded.recipient, "
         "channel = excluded.channel, content_type = excluded.content_type, "
         "status = excluded.status, model = excluded.model, "
         "create_time = excluded.create_time, update_time = excluded.update_time, "
         "weight = excluded.weight, end_turn = excluded.end_turn, kind = excluded.kind, "
         "hidden = excluded.hidden, is_voice = excluded.is_voice, "
         "unknown_content = excluded.unknown_content, language = excluded.language, "
         "dict_id = excluded.dict_id, text = excluded.text, raw_json = excluded.raw_json, "
         "citations = excluded.citations, content_hash = excluded.content_hash, "
         "seq = excluded.seq")
      .bind(1, node_row)
      .bind(2, m.role)
      .bind(3, m.author_name)
      .bind(4, m.recipient)
      .bind(5, m.channel)
      .bind(6, m.content_type)
      .bind(7, m.status)
      .bind(8, m.model)
      .bind(9, m.create_time)
      .bind(10, m.update_time)
      .bind(11, m.weight)
      .bind(12, m.end_turn)
      .bind(13, model::to_string(m.kind))
      .bind(14, m.hidden)
      .bind(15, m.is_voice)
      .bind(16, m.unknown_content)
      .bind(17, m.language)
      .bind(18, dict_id_)
      .bind_blob(19, text)
      .bind_blob(20, raw)
      .bind(21, citations_to_json(m.citations))
      .bind(22, hash)
      .bind(23, next_seq_++)
      .run();
  write_attachments(node_row, m);
}

void ImportImpl::write_attachments(int64_t node_row, const model::Message& m) {
  for (size_t k = 0; k < m.attachments.size(); ++k) {
    const model::Attachment& a = m.attachments[k];
    // When the same pointer was already linked to stored bytes, keep that link and what the
    // resolver filled in: this export may not contain the file any more.
    db_.cached(
           "INSERT INTO attachments (message, ordinal, kind, pointer, file_id, name, mime, "
           "size, width, height, duration, member, sha256) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
           "ON CONFLICT (message, ordinal) DO UPDATE SET kind = excluded.kind, "
           "file_id = excluded.file_id, size = excluded.size, width = excluded.width, "
           "height = excluded.height, duration = excluded.duration, "
           "name = CASE WHEN excluded.name = '' AND attachments.pointer = excluded.pointer "
           "THEN attachments.name ELSE excluded.name END, "
           "mime = CASE WHEN excluded.mime = '' AND attachments.pointer = excluded.pointer "
           "THEN attachments.mime ELSE excluded.mime END, "
           "member = CASE WHEN excluded.sha256 IS NULL AND attachments.pointer = "
           "excluded.pointer THEN attachments.member ELSE excluded.member END, "
           "sha256 = CASE WHEN excluded.sha256 IS NULL AND attachments.pointer = "
           "excluded.pointer THEN attachments.sha256 ELSE excluded.sha256 END, "
           "pointer = excluded.pointer")
        .bind(1, node_row)
        .bind(2, static_cast<int64_t>(k))
        .bind(3, model::to_string(a.kind))
        .bind(4, a.pointer)
        .bind(5, a.file_id)
        .bind(6, a.name)
        .bind(7, a.mime)
        .bind(8, a.size)
        .bind(9, a.width)
        .bind(10, a.height)
        .bind(11, a.duration)
        .bind(12, a.member)
        .bind_text_or_null(13, a.sha256)
        .run();
  }
  db_.cached("DELETE FROM attachments WHERE message = ? AND ordinal >= ?")
      .bind(1, node_row)
      .bind(2, static_cast<int64_t>(m.attachments.size()))
      .run();
}

// The newest rating of a message wins; the same file again changes nothing.
void ImportImpl::message_feedback(model::MessageFeedback&& feedback) {
  require_begun();
  db_.cached(
         "INSERT INTO message_feedback (account_id, source, external_id, conversation_id, "
         "message_id, rating, text, create_time, raw_json, first_seen_import) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
         "ON CONFLICT (source, account_id, conversation_id, message_id) DO UPDATE SET "
         "external_id = excluded.external_id, rating = excluded.rating, text = excluded.text, "
         "create_time = excluded.create_time, raw_json = excluded.raw_json "
         "WHERE raw_json IS NOT excluded.raw_json")
      .bind(1, account_id_)
      .bind(2, feedback.source)
      .bind(3, feedback.id)
      .bind(4, feedback.conversation_id)
      .bind(5, feedback.message_id)
      .bind(6, feedback.rating)
      .bind(7, feedback.text)
      .bind(8, feedback.time)
      .bind(9, feedback.raw_json)
      .bind(10, import_id_)
      .run();
}

// Only ever added: a record the newer export no longer holds (deleted upstream, or the memory
// rewritten since) stays, and the same record again is recognised by its digest.
void ImportImpl::memory_record(model::MemoryRecord&& record) {
  require_begun();
  db_.cached(
         "INSERT INTO memory_records (account_id, source, kind, time, text, conversation_id, "
         "node_id, project_id, digest, raw_json, first_seen_import) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, digest) DO NOTHING")
      .bind(1, account_id_)
      .bind(2, record.source)
      .bind(3, record.kind)
      .bind(4, record.time)
      .bind(5, record.text)
      .bind(6, record.conversation_id)
      .bind(7, record.node_id)
      .bind(8, record.project_id)
      .bind(9, memory_record_digest(record))
      .bind(10, record.raw_json)
      .bind(11, import_id_)
      .run();
  summary_.memory_records_new += db_.changes();
}

// A project is one row per (source, account, id); what a newer export says of it replaces what
// an older one said, except that an export silent on a field (most never name a GPT) keeps what
// an earlier one gave.
void ImportImpl::project(model::Project&& project) {
  require_begun();
  auto& held =
      db_.cached("SELECT 1 FROM projects WHERE source = ? AND account_id = ? AND external_id = ?");
  held.bind(1, project.source).bind(2, account_id_).bind(3, project.id);
  const bool known = held.step();
  held.reset();
  db_.cached(
         "INSERT INTO projects (account_id, source, external_id, kind, name, description, "
         "instructions, raw_json, first_seen_import, last_seen_import) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
         "ON CONFLICT (source, account_id, external_id) DO UPDATE SET "
         "kind = excluded.kind, "
         "name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE name END, "
         "description = CASE WHEN excluded.description <> '' THEN excluded.description "
         "ELSE description END, "
         "instructions = CASE WHEN excluded.instructions <> '' THEN excluded.instructions "
         "ELSE instructions END, "
         "raw_json = CASE WHEN excluded.raw_json <> '' THEN excluded.raw_json ELSE raw_json END, "
         "last_seen_import = excluded.last_seen_import")
      .bind(1, account_id_)
      .bind(2, project.source)
      .bind(3, project.id)
      .bind(4, project.kind)
      .bind(5, project.name)
      .bind(6, project.description)
      .bind(7, project.instructions)
      .bind(8, project.raw_json)
      .bind(9, import_id_)
      .bind(10, import_id_)
      .run();
  if (!known) ++summary_.projects_new;
}

void ImportImpl::broken_conversation(model::BrokenConversation&& broken) {
  require_begun();
  db_.cached(
         "INSERT INTO broken_conversations (import_id, account_id, file, idx, external_id, "
         "title, reason, raw_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, import_id_)
      .bind(2, account_id_)
      .bind(3, broken.file)
      .bind(4, static_cast<int64_t>(broken.index))
      .bind(5, broken.id)
      .bind(6, broken.title)
      .bind(7, broken.reason)
      .bind_blob(8, archive_.codec().compress(broken.raw_json, 0))
      .run();
  // A conversation that is in the export, only unreadable this time, is not gone upstream.
  if (!broken.id.empty()) {
    db_.cached(
           "UPDATE conversations SET last_seen_import = ? WHERE account_id = ? AND "
           "external_id = ?")
        .bind(1, import_id_)
        .bind(2, account_id_)
        .bind(3, broken.id)
        .run();
  }
  ++summary_.conversations_skipped;
  std::string line = broken.file + "#" + std::to_string(broken.index);
  if (!broken.id.empty()) line += " " + broken.id;
  summary_.skipped.push_back(line + ": " + broken.reason);
}

void ImportImpl::resolve_attachments(const model::AssetResolver& resolver) {
  require_begun();
  flush_pending();
  struct Unresolved {
    int64_t message;
    int64_t ordinal;
    model::Attachment attachment;
    std::string conversation_id;
  };
  std::vector<Unresolved> unresolved;  // read first: updating rows while scanning them is unsafe
  auto& q = db_.cached(
      "SELECT a.message, a.ordinal, a.kind, a.pointer, a.file_id, a.name, a.mime, a.size, "
      "a.width, a.height, a.duration, c.external_id FROM attachments a "
      "JOIN nodes n ON n.id = a.message JOIN conversations c ON c.id = n.conversation_id "
      "WHERE a.sha256 IS NULL");
  while (q.step()) {
    Unresolved u{q.int64(0), q.int64(1), {}, q.text(11)};
    u.attachment.kind = model::attachment_kind_from_string(q.text(2));
    u.attachment.pointer = q.text(3);
    u.attachment.file_id = q.text(4);
    u.attachment.name = q.text(5);
    u.attachment.mime = q.text(6);
    u.attachment.size = q.int64(7);
    u.attachment.width = static_cast<int>(q.int64(8));
    u.attachment.height = static_cast<int>(q.int64(9));
    u.attachment.duration = q.real(10);
    unresolved.push_back(std::move(u));
  }
  q.reset();

  for (const auto& u : unresolved) {
    auto asset = resolver(u.attachment, u.conversation_id);
    if (!asset) continue;
    auto stored = member_sha256_.find(asset->member);
    if (stored == member_sha256_.end()) continue;
    db_.cached(
           "UPDATE attachments SET sha256 = ?, member = ?, "
           "mime = CASE WHEN mime = '' THEN ? ELSE mime END, "
           "name = CASE WHEN name = '' THEN ? ELSE name END "
           "WHERE message = ? AND ordinal = ?")
        .bind(1, stored->second)
        .bind(2, asset->member)
        .bind(3, asset->mime)
        .bind(4, asset->name)
        .bind(5, u.message)
        .bind(6, u.ordinal)
        .run();
    if (!asset->mime.empty()) {
      db_.cached("UPDATE blobs SET mime = ? WHERE sha256 = ? AND coalesce(mime, '') = ''")
          .bind(1, asset->mime)
          .bind(2, stored->second)
          .run();
    }
  }
}

std::string ImportImpl::summary_json() const {
  const ImportSummary& s = summary_;
  std::string out = "{";
  auto field = [&](const char* name, int64_t value) {
    if (out.size() > 1) out += ",";
    out += "\"" + std::string(name) + "\":" + std::to_string(value);
  };
  field("conversations_new", s.conversations_new);
  field("conversations_updated", s.conversations_updated);
  field("conversations_unchanged", s.conversations_unchanged);
  field("conversations_skipped", s.conversations_skipped);
  field("conversations_gone_upstream", s.conversations_gone_upstream);
  field("messages_new", s.messages_new);
  field("messages_updated", s.messages_updated);
  field("messages_total", s.messages_total);
  field("attachments_total", s.attachments_total);
  field("attachments_stored", s.attachments_stored);
  field("attachments_unavailable", s.attachments_unavailable);
  field("sources_new", s.sources_new);
  field("sources_unchanged", s.sources_unchanged);
  field("bytes_stored", s.bytes_stored);
  field("memory_records_new", s.memory_records_new);
  field("projects_new", s.projects_new);
  out += ",\"skipped\":[";
  for (size_t i = 0; i < s.skipped.size(); ++i) {
    if (i) out += ",";
    append_json_string(out, s.skipped[i]);
  }
  out += "]}";
  return out;
}

void ImportImpl::update_upstream_marks() {
  struct Row {
    int64_t id;
    AccountConversation state;
  };
  std::vector<Row> rows;  // read first: updating rows while scanning them is unsafe
  auto& q = db_.cached(
      "SELECT c.id, c.last_seen_import = ?1, c.update_time, c.gone_upstream IS NOT NULL, "
      "(SELECT export_time FROM imports WHERE imports.id = c.gone_upstream) "
      "FROM conversations c WHERE c.account_id = ?2");
  q.bind(1, import_id_).bind(2, account_id_);
  while (q.step()) {
    rows.push_back(
        {q.int64(0), {q.int64(1) != 0, q.optional_real(2), q.int64(3) != 0, q.optional_real(4)}});
  }
  q.reset();
  for (const auto& row : rows) {
    switch (decide_upstream(row.state, newest_update_)) {
      case UpstreamChange::none:
        break;
      case UpstreamChange::back:
        db_.cached("UPDATE conversations SET gone_upstream = NULL WHERE id = ?")
            .bind(1, row.id)
            .run();
        break;
      case UpstreamChange::mark_gone:
        db_.cached("UPDATE conversations SET gone_upstream = ? WHERE id = ?")
            .bind(1, import_id_)
            .bind(2, row.id)
            .run();
        ++summary_.conversations_gone_upstream;
        break;
    }
  }
}

ImportSummary ImportImpl::commit() {
  require_begun();
  flush_pending();

  db_.cached("UPDATE imports SET export_time = ? WHERE id = ?")
      .bind(1, newest_update_)
      .bind(2, import_id_)
      .run();
  update_upstream_marks();

  auto& count = db_.cached(
      "SELECT count(*), count(a.sha256) FROM attachments a JOIN nodes n ON n.id = a.message "
      "JOIN conversations c ON c.id = n.conversation_id WHERE c.last_seen_import = ? AND "
      "c.account_id = ? AND n.vanished IS NULL");
  count.bind(1, import_id_).bind(2, account_id_);
  count.step();
  summary_.attachments_total = count.int64(0);
  summary_.attachments_stored = count.int64(1);
  summary_.attachments_unavailable = summary_.attachments_total - summary_.attachments_stored;
  count.reset();

  db_.cached("UPDATE imports SET finished_at = ?, summary = ? WHERE id = ?")
      .bind(1, now_seconds())
      .bind(2, summary_json())
      .bind(3, import_id_)
      .run();
  db_.exec("COMMIT");
  committed_ = true;
  return summary_;
}

}  // namespace

std::unique_ptr<Import> make_import(ArchiveImpl& archive, const std::string& tool_version) {
  return std::make_unique<ImportImpl>(archive, tool_version);
}

}  // namespace afterglow::store
