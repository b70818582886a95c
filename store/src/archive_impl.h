// The SQLite-backed Archive. Reading lives in archive_read.cpp, importing in import.cpp.
#pragma once

#include <filesystem>
#include <memory>
#include <unordered_map>
#include <vector>

#include "afterglow/store/archive.h"
#include "afterglow/store/sqlite.h"
#include "text_codec.h"

namespace afterglow::store {

class ArchiveImpl : public Archive {
 public:
  ArchiveImpl(const std::filesystem::path& path, Mode mode);
  ~ArchiveImpl() override;

  const std::filesystem::path& path() const override { return path_; }
  std::unique_ptr<Import> begin_import(const std::string& tool_version) override;

  std::vector<ConversationSummary> list(const ListFilter& filter) const override;
  ConversationKey resolve(std::string_view id_or_prefix,
                          const std::optional<std::string>& account) const override;
  using Archive::load;
  StoredConversation load(const ConversationKey& key) const override;
  std::optional<BlobInfo> blob_info(const std::string& sha256) const override;
  void read_blob(const std::string& sha256,
                 const std::function<void(std::string_view)>& sink) const override;
  std::vector<OriginalFile> originals() const override;
  void export_originals(const std::filesystem::path& dir) const override;
  void scan_messages(int64_t after_seq,
                     const std::function<void(const MessageRecord&)>& fn) const override;
  int64_t max_message_seq() const override;
  std::optional<std::string> message_text(const ConversationKey& conversation,
                                          const std::string& node_id) const override;
  std::optional<std::string> setting(const std::string& key) const override;
  void set_setting(const std::string& key, const std::string& value) override;
  void checkpoint() override;
  Database& database() const override { return *db_; }
  TextCodec& codec() const { return *codec_; }
  void require_writable(const char* what) const;
  // Set while an Import is alive: one import at a time per archive.
  bool import_active = false;

 private:
  // The steps of load(): the conversation row (returns its rowid), its attachments, its nodes
  // with their messages, and the children lists rebuilt from parent links.
  int64_t load_conversation_row(const ConversationKey& key, StoredConversation& out) const;
  std::unordered_map<int64_t, std::vector<model::Attachment>> load_attachments(
      int64_t conversation_row) const;
  std::vector<int64_t> load_nodes(
      int64_t conversation_row,
      std::unordered_map<int64_t, std::vector<model::Attachment>>& attachments,
      model::Conversation& c) const;
  void load_feedback(int64_t conversation_row, model::Conversation& c) const;
  static void link_children(const std::vector<int64_t>& positions, model::Conversation& c);

  std::filesystem::path path_;
  Mode mode_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<TextCodec> codec_;
};

std::unique_ptr<Import> make_import(ArchiveImpl& archive, const std::string& tool_version);

}  // namespace afterglow::store
