// The SQLite-backed Archive. Reading lives in archive_read.cpp, importing in import.cpp.
#pragma once

#include <filesystem>
#include <memory>

#include "afterglow/store/archive.h"
#include "sqlite.h"
#include "text_codec.h"

namespace afterglow::store {

class ArchiveImpl : public Archive {
 public:
  ArchiveImpl(const std::filesystem::path& path, Mode mode);
  ~ArchiveImpl() override;

  const std::filesystem::path& path() const override { return path_; }
  std::unique_ptr<Import> begin_import(const std::string& tool_version) override;

  std::vector<ConversationSummary> list(const ListFilter& filter) const override;
  std::string resolve_id(std::string_view id_or_prefix) const override;
  StoredConversation load(const std::string& conversation_id) const override;
  std::optional<BlobInfo> blob_info(const std::string& sha256) const override;
  void read_blob(const std::string& sha256,
                 const std::function<void(std::string_view)>& sink) const override;
  std::vector<OriginalFile> originals() const override;
  void export_originals(const std::filesystem::path& dir) const override;
  void scan_messages(int64_t after_seq,
                     const std::function<void(const MessageRecord&)>& fn) const override;
  int64_t max_message_seq() const override;
  std::optional<std::string> message_text(const std::string& conversation_id,
                                          const std::string& node_id) const override;
  std::optional<std::string> setting(const std::string& key) const override;
  void set_setting(const std::string& key, const std::string& value) override;
  void checkpoint() override;
  sqlite3* db() const override { return db_->handle(); }

  Database& database() const { return *db_; }
  TextCodec& codec() const { return *codec_; }
  void require_writable(const char* what) const;
  // Set while an Import is alive: one import at a time per archive.
  bool import_active = false;

 private:
  std::filesystem::path path_;
  Mode mode_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<TextCodec> codec_;
};

std::unique_ptr<Import> make_import(ArchiveImpl& archive, const std::string& tool_version);

}  // namespace afterglow::store
