// The archive of record: one SQLite file (WAL) holding conversations, the whole node tree,
// compressed message text, content-addressed blobs and the byte-exact original export files.
// docs/FORMAT.md describes the file so that sqlite3 and zstd alone can read it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "afterglow/model/conversation.h"
#include "afterglow/model/errors.h"
#include "afterglow/model/import_sink.h"

namespace afterglow::store {

class Database;  // afterglow/store/sqlite.h

// What one import changed, for the summary the CLI prints.
struct ImportSummary {
  int64_t import_id = 0;
  int64_t conversations_new = 0;
  int64_t conversations_updated = 0;
  int64_t conversations_unchanged = 0;
  int64_t conversations_skipped = 0;        // broken ones; reasons below
  int64_t conversations_gone_upstream = 0;  // newly marked missing from this export
  int64_t messages_new = 0;
  int64_t messages_updated = 0;
  int64_t messages_total = 0;  // messages in the conversations of this export
  int64_t attachments_total = 0;
  int64_t attachments_stored = 0;       // resolved to bytes in the archive
  int64_t attachments_unavailable = 0;  // the export did not contain the file
  int64_t sources_new = 0;              // original files whose bytes were not stored before
  int64_t sources_unchanged = 0;
  int64_t bytes_stored = 0;          // compressed bytes added to the archive
  int64_t memory_records_new = 0;    // memory writes, snapshots, instructions not held before
  int64_t projects_new = 0;          // projects and GPTs not held before
  std::vector<std::string> skipped;  // "file#index id: reason", one per broken conversation
  bool changed() const {
    return conversations_new + conversations_updated + conversations_gone_upstream + sources_new +
               messages_new + messages_updated + memory_records_new + projects_new >
           0;
  }
};

// An import in progress. Everything it writes becomes visible at commit(), atomically; if it is
// destroyed without commit (error, exception), the archive is left exactly as it was.
class Import : public model::ImportSink {
 public:
  virtual ImportSummary commit() = 0;
};

// Which copy of a conversation: two accounts (or two services) may hold the same conversation
// id with different text, and each copy is kept, indexed and shown as itself.
struct ConversationKey {
  std::string source;
  std::string account;  // the account's id ("" when the export did not say)
  std::string id;       // the export's conversation id
  bool operator==(const ConversationKey&) const = default;
};

// A bare conversation id (or prefix) that several copies answer to. The message names them;
// `candidates` lets a caller offer the choice (the CLI's --account, the server's ?account=).
class AmbiguousConversation : public NotFound {
 public:
  AmbiguousConversation(const std::string& message, std::vector<ConversationKey> candidates)
      : NotFound(message), candidates(std::move(candidates)) {}
  std::vector<ConversationKey> candidates;
};

// One line of `afterglow list`.
struct ConversationSummary {
  std::string id;  // the export's conversation id
  std::string source;
  std::string account;          // account id ("" when unknown)
  std::string title;            // empty when untitled
  std::string first_user_text;  // first user message on the thread, for naming untitled ones
  model::Timestamp create_time;
  model::Timestamp update_time;
  std::string model;
  int64_t messages = 0;        // visible messages on the displayed thread
  bool gone_upstream = false;  // missing from the newest export of its account
  std::string gizmo_id;        // the ChatGPT project or custom GPT it belongs to; "" when none
  std::string project_name;    // that project's or GPT's name, "" when no export named it
};

struct ListFilter {
  std::string model;             // exact model slug; empty = any
  std::optional<double> after;   // create_time >= after
  std::optional<double> before;  // create_time < before
  int64_t limit = -1;            // -1 = all
  // Conversations the person put to rest (store/keepsakes.h) are left out of the home page,
  // "on this day" and the book unless asked for.
  bool leave_out_resting = false;
};

// A conversation as loaded back, with where it stands.
struct StoredConversation {
  model::Conversation conversation;
  std::string account;  // with conversation.source and .id, the copy's ConversationKey
  bool gone_upstream = false;
  // The name of the project or GPT of conversation.gizmo_id, "" when no export named it.
  std::string project_name;
};

struct OriginalFile {
  int64_t import_id = 0;
  std::string path;
  int64_t size = 0;
  std::string sha256;
};

struct BlobInfo {
  std::string sha256;
  int64_t size = 0;
  std::string mime;
};

// A message as the indexers see it: flat, with the fields they filter on.
struct MessageRecord {
  int64_t seq = 0;  // change sequence: grows every time a message is written
  std::string conversation_id;
  std::string node_id;
  std::string source;  // with account and conversation_id, which copy (ConversationKey)
  std::string account;
  std::string title;
  std::string role;
  std::string model;  // the message's model, else its conversation's (user turns carry none)
  std::string kind;   // model::to_string(MessageKind)
  model::Timestamp create_time;
  std::string text;
  bool hidden = false;
  bool on_thread = true;  // false for alternate branches
  bool has_image = false;
  bool has_audio = false;
  bool has_code = false;
  bool conversation_has_branches = false;
};

class Archive {
 public:
  enum class Mode { read_only, read_write };

  // Opens (read_write: creates when missing) and migrates to the current schema. Throws
  // ArchiveError with "<path>: <problem>" when the file is not an afterglow archive, is damaged,
  // locked, or newer than this program understands.
  static std::unique_ptr<Archive> open(const std::filesystem::path& path, Mode mode);
  virtual ~Archive() = default;

  virtual const std::filesystem::path& path() const = 0;

  // Starts an import; only one at a time (others wait on SQLite's lock or fail clearly).
  virtual std::unique_ptr<Import> begin_import(const std::string& tool_version) = 0;

  virtual std::vector<ConversationSummary> list(const ListFilter& filter) const = 0;
  // Full id, or a unique prefix of one, to the one copy it names; `account` (when given) picks
  // among the accounts that hold it. Throws NotFound when none or several ids match, and
  // AmbiguousConversation when one id is held by several accounts and none was picked.
  virtual ConversationKey resolve(std::string_view id_or_prefix,
                                  const std::optional<std::string>& account) const = 0;
  // resolve() without an account, for the id alone.
  std::string resolve_id(std::string_view id_or_prefix) const {
    return resolve(id_or_prefix, std::nullopt).id;
  }
  // The whole tree with decompressed text; attachments carry sha256 when their bytes are kept.
  virtual StoredConversation load(const ConversationKey& key) const = 0;
  // The copy a bare id names; AmbiguousConversation when several accounts hold it.
  StoredConversation load(const std::string& conversation_id) const {
    return load(resolve(conversation_id, std::nullopt));
  }

  virtual std::optional<BlobInfo> blob_info(const std::string& sha256) const = 0;
  // Streams a blob's bytes (decompressed) to `sink` in chunks. Throws NotFound.
  virtual void read_blob(const std::string& sha256,
                         const std::function<void(std::string_view)>& sink) const = 0;

  // The original export files, newest import's version of each path.
  virtual std::vector<OriginalFile> originals() const = 0;
  // Writes every original file under dir, byte-identical to the export. Refuses paths that
  // would escape dir.
  virtual void export_originals(const std::filesystem::path& dir) const = 0;

  // Messages written after `after_seq` (0 = all), in seq order, for incremental indexing.
  virtual void scan_messages(int64_t after_seq,
                             const std::function<void(const MessageRecord&)>& fn) const = 0;
  virtual int64_t max_message_seq() const = 0;
  // The decompressed text of one message (for search snippets); nullopt when there is none.
  virtual std::optional<std::string> message_text(const ConversationKey& conversation,
                                                  const std::string& node_id) const = 0;

  // Small key/value settings kept in the archive (e.g. what an index has seen).
  virtual std::optional<std::string> setting(const std::string& key) const = 0;
  virtual void set_setting(const std::string& key, const std::string& value) = 0;

  // After a large write (an import, a rebuild of the indexes): moves what SQLite's write-ahead
  // log holds into the archive file and empties the log, which otherwise stays as large as
  // everything written since the last reader let go, for as long as any other connection (a
  // running `afterglow serve`) keeps the archive open. Skipped quietly while another process
  // is reading; its own last close will do it.
  virtual void checkpoint() = 0;

  // The open connection, for the FTS5 index that lives in the same file.
  virtual Database& database() const = 0;
};

}  // namespace afterglow::store
