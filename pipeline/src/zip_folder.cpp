#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <fstream>
#include <memory>

#include "afterglow/model/errors.h"
#include "afterglow/pipeline/book_job.h"

namespace afterglow::pipeline {
namespace fs = std::filesystem;

void zip_folder(const fs::path& folder, const fs::path& zip) {
  std::unique_ptr<archive, decltype(&archive_write_free)> out(archive_write_new(),
                                                              archive_write_free);
  archive_write_set_format_zip(out.get());
  // Names are UTF-8 and flagged so, whatever the locale (Chinese titles are common).
  archive_write_set_options(out.get(), "hdrcharset=UTF-8");
  if (archive_write_open_filename(out.get(), zip.string().c_str()) != ARCHIVE_OK) {
    throw Error(zip.string() + ": cannot create the zip: " + archive_error_string(out.get()));
  }
  auto fail = [&](const fs::path& what) {
    throw Error(what.string() + ": cannot add to the zip: " +
                (archive_error_string(out.get()) ? archive_error_string(out.get()) : "error"));
  };
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());  // the same book gives the same zip
  std::vector<char> buffer(1 << 16);
  for (const auto& file : files) {
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(),
                                                                        archive_entry_free);
    const auto relative = fs::relative(file, folder).generic_u8string();
    const std::string name(relative.begin(), relative.end());
    archive_entry_set_pathname_utf8(entry.get(), name.c_str());
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0644);
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(fs::file_size(file)));
    if (archive_write_header(out.get(), entry.get()) != ARCHIVE_OK) fail(file);
    std::ifstream in(file, std::ios::binary);
    while (in) {
      in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      auto n = in.gcount();
      if (n > 0 && archive_write_data(out.get(), buffer.data(), static_cast<size_t>(n)) < 0) {
        fail(file);
      }
    }
  }
  if (archive_write_close(out.get()) != ARCHIVE_OK) fail(zip);
}

}  // namespace afterglow::pipeline
