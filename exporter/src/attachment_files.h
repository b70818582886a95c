// The attachments of exported conversations, copied out of the archive into one folder, each
// file once (by its SHA-256) under a name made from its original one.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "afterglow/store/archive.h"
#include "unique_names.h"

namespace afterglow::exporter {

class AttachmentFiles {
 public:
  AttachmentFiles(const store::Archive& archive, std::filesystem::path folder,
                  bool wikilink_safe = false)
      : archive_(archive), folder_(std::move(folder)), names_(wikilink_safe) {}

  // The file name (inside the folder) of the attachment's bytes, copied on first use; nullopt
  // when the archive does not have them.
  std::optional<std::string> copy(const model::Attachment& attachment);

  int64_t files() const { return static_cast<int64_t>(by_sha256_.size()); }
  int64_t copied() const { return copied_; }
  int64_t unavailable() const { return unavailable_; }

 private:
  const store::Archive& archive_;
  std::filesystem::path folder_;
  UniqueNames names_;
  std::map<std::string, std::string> by_sha256_;
  int64_t unavailable_ = 0;
  int64_t copied_ = 0;  // attachments linked, a file shared by several counted each time
};

}  // namespace afterglow::exporter
