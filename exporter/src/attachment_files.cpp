#include "attachment_files.h"

#include <fstream>

#include "afterglow/model/errors.h"
#include "afterglow/model/utf8_path.h"
#include "afterglow/text/media_types.h"

namespace afterglow::exporter {
namespace {

// An extension for a file the export named without one, from its MIME type.
std::string extension_for(const std::string& mime) {
  const std::string extension = text::extension_for_mime(mime);
  return extension.empty() ? "" : "." + extension;
}

}  // namespace

std::optional<std::string> AttachmentFiles::copy(const model::Attachment& a) {
  if (!a.available()) {
    ++unavailable_;
    return std::nullopt;
  }
  ++copied_;
  if (auto it = by_sha256_.find(a.sha256); it != by_sha256_.end()) return it->second;
  const auto original = utf8_path(a.name.empty() ? a.file_id : a.name);
  std::string stem = utf8_string(original.stem());
  std::string extension = utf8_string(original.extension());
  if (extension.empty()) extension = extension_for(a.mime);
  if (stem.empty()) stem = a.sha256.substr(0, 16);
  std::string name = names_.claim(stem, extension);
  std::filesystem::create_directories(folder_);
  const auto path = folder_ / utf8_path(name);
  std::ofstream out(path, std::ios::binary);
  archive_.read_blob(a.sha256, [&](std::string_view chunk) {
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  });
  out.close();
  if (!out) throw Error(path.string() + ": cannot write this file", ErrorCode::disk_full);
  by_sha256_.emplace(a.sha256, name);
  return name;
}

}  // namespace afterglow::exporter
