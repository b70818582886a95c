#include "generator/zip_output.h"

#include <archive.h>
#include <archive_entry.h>

#include <string>

#include "afterglow/model/errors.h"

namespace afterglow::bench {

namespace {

// Every entry carries the same time (the export's date), never the clock: the output must be
// byte-identical from run to run.
constexpr std::int64_t kEntryTime = 1795824000;  // 2026-11-28T00:00:00Z

}  // namespace

ZipOutput::ZipOutput(const std::filesystem::path& path, int compression_level) : path_(path) {
  archive_ = archive_write_new();
  if (archive_ == nullptr) throw Error(path.string() + ": cannot create a zip writer");
  check(archive_write_set_format_zip(archive_), "cannot select the zip format");
  check(archive_write_zip_set_compression_deflate(archive_), "cannot select deflate");
  const std::string level = "zip:compression-level=" + std::to_string(compression_level);
  check(archive_write_set_options(archive_, level.c_str()), "cannot set the compression level");
  // No padding of the last block: the file ends where the zip ends.
  check(archive_write_set_bytes_in_last_block(archive_, 1), "cannot set block padding");
  check(archive_write_open_filename(archive_, path.string().c_str()), "cannot create the file");
}

ZipOutput::~ZipOutput() {
  if (archive_ != nullptr) archive_write_free(archive_);
}

void ZipOutput::check(int status, std::string_view what) {
  if (status >= ARCHIVE_WARN) return;
  std::string message = path_.string() + ": " + std::string(what);
  if (const char* detail = archive_error_string(archive_))
    message += std::string(" (") + detail + ")";
  throw Error(message);
}

void ZipOutput::begin_entry(std::string_view name) {
  archive_entry* entry = archive_entry_new();
  const std::string pathname(name);
  archive_entry_set_pathname(entry, pathname.c_str());
  archive_entry_set_filetype(entry, AE_IFREG);
  archive_entry_set_perm(entry, 0644);
  archive_entry_set_mtime(entry, kEntryTime, 0);
  archive_entry_set_uid(entry, 0);
  archive_entry_set_gid(entry, 0);
  const int status = archive_write_header(archive_, entry);
  archive_entry_free(entry);
  check(status, "cannot start entry " + pathname);
}

void ZipOutput::write(std::string_view data) {
  while (!data.empty()) {
    const la_ssize_t written = archive_write_data(archive_, data.data(), data.size());
    if (written < 0) check(static_cast<int>(written), "cannot write data");
    if (written <= 0) throw Error(path_.string() + ": cannot write data");
    data.remove_prefix(static_cast<std::size_t>(written));
  }
}

void ZipOutput::end_entry() {
  check(archive_write_finish_entry(archive_), "cannot finish an entry");
}

void ZipOutput::add_file(std::string_view name, std::string_view data) {
  begin_entry(name);
  write(data);
  end_entry();
}

std::uint64_t ZipOutput::close() {
  check(archive_write_close(archive_), "cannot finish the zip");
  archive_write_free(archive_);
  archive_ = nullptr;
  return std::filesystem::file_size(path_);
}

}  // namespace afterglow::bench
