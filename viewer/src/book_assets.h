// The files a book carries: attachments (images, voice, uploads) copied out of the archive, and
// the embedded stylesheet, script and KaTeX.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>

#include "afterglow/model/conversation.h"
#include "afterglow/viewer/html_book.h"

namespace afterglow::viewer {

// A MIME type safe to put in a data: URI or to trust for an <img>/<audio>: known media types
// only, anything else is application/octet-stream.
std::string safe_media_type(const std::string& mime, model::AttachmentKind kind);
// "png", "jpg", "wav", ... from the media type, else from the file name, else "bin".
std::string file_extension(const std::string& mime, const std::string& name);
// A blob key that can be used in a file name: 64 lowercase hex digits.
bool is_sha256_hex(const std::string& text);

// Attachments of a folder book: each blob written once to assets/<sha256>.<ext>.
class AttachmentFiles {
 public:
  AttachmentFiles(const BookSource& source, std::filesystem::path assets_dir);
  // The URL relative to a page `prefix` away from the book's root ("" or "../").
  std::optional<std::string> url(const model::Attachment& attachment, const std::string& prefix);
  int64_t included() const { return included_; }
  int64_t unavailable() const { return unavailable_; }

 private:
  const BookSource& source_;
  std::filesystem::path dir_;
  std::unordered_map<std::string, std::optional<std::string>> written_;  // sha -> file name
  int64_t included_ = 0;
  int64_t unavailable_ = 0;
};

// Attachments of a single-file book: data: URIs (the blob is read each time it is used).
class AttachmentDataUris {
 public:
  explicit AttachmentDataUris(const BookSource& source) : source_(source) {}
  std::optional<std::string> url(const model::Attachment& attachment);
  int64_t included() const { return included_; }
  int64_t unavailable() const { return unavailable_; }

 private:
  const BookSource& source_;
  int64_t included_ = 0;
  int64_t unavailable_ = 0;
};

// KaTeX's stylesheet with only the woff2 fonts (every browser that runs KaTeX reads woff2); with
// `inline_fonts` the fonts become data: URIs. Empty when KaTeX was not embedded.
std::string katex_css(bool inline_fonts);
// Writes a file, throwing Error("<path>: <why>") when it cannot.
void write_file(const std::filesystem::path& path, std::string_view bytes);
// Writes the embedded files a folder book needs under assets/ (KaTeX only with `math`).
void write_book_assets(const std::filesystem::path& assets_dir, bool math, Paper paper);
// The stylesheet with the paper size of the book.
std::string book_css(Paper paper);

}  // namespace afterglow::viewer
