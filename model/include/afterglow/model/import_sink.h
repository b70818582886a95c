// The seam between the importer (which knows exports and zips) and the store (which knows
// SQLite): the importer drives an ImportSink, the store implements it, the CLI connects them.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "afterglow/model/conversation.h"
#include "afterglow/model/memory_record.h"
#include "afterglow/model/message_feedback.h"

namespace afterglow::model {

struct Account {
  std::string source = "chatgpt";
  std::string id;  // user.json "id"; empty when the export does not say
  std::string email;
  std::string name;
};

// One file of the export (a zip member, a file in an unzipped folder, or the bare JSON file).
struct MemberInfo {
  std::string path;   // relative path; members of a nested zip are "outer.zip/inner/path"
  int64_t size = -1;  // uncompressed size when known
};

// What the importer learnt before writing anything: enough to refuse bad input up front.
struct Survey {
  std::string input_path;
  std::string layout;  // "classic", "sharded", "privacy-portal", "folder", "json"
  Account account;
  std::vector<MemberInfo> members;              // every file that will be kept
  std::vector<std::string> conversation_files;  // in the order they will be parsed
  std::vector<std::string> warnings;            // e.g. shards missing from the manifest
  int64_t total_bytes = 0;                      // sum of member sizes, for progress
};

// Receives the bytes of one export file as they stream by.
class FileWriter {
 public:
  virtual ~FileWriter() = default;
  virtual void write(std::string_view chunk) = 0;
  virtual void finish() = 0;  // called once, after the last chunk
};

// A conversation that could not be parsed: reported in the summary and kept raw.
struct BrokenConversation {
  std::string file;    // the export file it came from
  size_t index = 0;    // position in that file's array
  std::string id;      // when it could be read
  std::string title;   // when it could be read
  std::string reason;  // one line
  std::string raw_json;
};

// Where an attachment's bytes are, as far as the export tells.
struct ResolvedAsset {
  std::string member;  // export member path
  std::string mime;    // MIME type guessed from the member's name or first bytes; may be empty
  std::string name;    // original name from a name map, when the member name is opaque (.dat)
};

// Looks an attachment up in the export's files (by id, name maps, folders...).
using AssetResolver = std::function<std::optional<ResolvedAsset>(
    const Attachment& attachment, const std::string& conversation_id)>;

class ImportSink {
 public:
  virtual ~ImportSink() = default;
  virtual void begin(const Survey& survey) = 0;
  // Every export file passes through here byte for byte, conversation files included.
  virtual std::unique_ptr<FileWriter> original_file(const MemberInfo& member) = 0;
  virtual void conversation(Conversation&& conversation) = 0;
  virtual void broken_conversation(BrokenConversation&& broken) = 0;
  // Account-level records beside the conversations (memories, projects and custom GPTs); the
  // store keeps them (tables memory_records and projects), other sinks may ignore them.
  virtual void memory_record(MemoryRecord&& record) { (void)record; }
  virtual void project(Project&& project) { (void)project; }
  // A rating of one answer; may arrive before or after its conversation.
  virtual void message_feedback(MessageFeedback&& feedback) { (void)feedback; }
  // Called once after every file has been read: link attachments to the files now known.
  virtual void resolve_attachments(const AssetResolver& resolver) = 0;
};

}  // namespace afterglow::model
