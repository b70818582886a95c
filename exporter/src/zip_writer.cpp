#include "zip_writer.h"

#include <zip.h>

#include <cstdlib>
#include <cstring>

#include "afterglow/model/errors.h"
#include "afterglow/model/utf8_path.h"

namespace afterglow::exporter {

ZipWriter::ZipWriter(const std::filesystem::path& file, std::time_t mtime)
    : file_(file), mtime_(mtime) {
  int error = 0;
  // libzip takes UTF-8 names on every system, Windows included.
  zip_ = zip_open(utf8_string(file).c_str(), ZIP_CREATE | ZIP_EXCL, &error);
  if (!zip_) {
    zip_error_t why;
    zip_error_init_with_code(&why, error);
    std::string message = zip_error_strerror(&why);
    zip_error_fini(&why);
    throw Error(utf8_string(file) + ": cannot write this file (" + message + ")",
                ErrorCode::disk_full);
  }
}

ZipWriter::~ZipWriter() {
  if (zip_) zip_discard(zip_);
}

void ZipWriter::fail(const std::string& what) {
  std::string message = utf8_string(file_) + ": " + what + " (" + zip_strerror(zip_) + ")";
  throw Error(message, ErrorCode::disk_full);
}

void ZipWriter::added(const std::string& name, long long index, Method method) {
  if (index < 0) fail("cannot add " + name);
  const auto i = static_cast<zip_uint64_t>(index);
  if (zip_set_file_compression(zip_, i, method == Method::store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                               0) != 0 ||
      zip_file_set_mtime(zip_, i, mtime_, 0) != 0) {
    fail("cannot add " + name);
  }
}

void ZipWriter::add_bytes(const std::string& name, std::string_view bytes, Method method) {
  // The source owns a copy (freed by libzip), since the bytes are read only at close().
  void* copy = std::malloc(bytes.empty() ? 1 : bytes.size());
  if (!copy) fail("out of memory adding " + name);
  if (!bytes.empty()) std::memcpy(copy, bytes.data(), bytes.size());
  zip_source_t* source = zip_source_buffer(zip_, copy, bytes.size(), 1);
  if (!source) {
    std::free(copy);
    fail("cannot add " + name);
  }
  const zip_int64_t index = zip_file_add(zip_, name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) zip_source_free(source);
  added(name, index, method);
}

void ZipWriter::add_file(const std::string& name, const std::filesystem::path& path,
                         Method method) {
  zip_source_t* source = zip_source_file(zip_, utf8_string(path).c_str(), 0, -1);
  if (!source) fail("cannot read " + utf8_string(path));
  const zip_int64_t index = zip_file_add(zip_, name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) zip_source_free(source);
  added(name, index, method);
}

void ZipWriter::close() {
  if (zip_close(zip_) != 0) fail("cannot write this file");
  zip_ = nullptr;
}

}  // namespace afterglow::exporter
