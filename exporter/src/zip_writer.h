// A zip file written with libzip, for EPUB: entries are named in order, each stored or
// deflated, all with one modification time, and no extra fields (EPUB's first entry, mimetype,
// must carry none). libzip writes everything when the file is closed, reading the files added
// from disk only then, so a big export is never held in memory.
#pragma once

#include <ctime>
#include <filesystem>
#include <string>
#include <string_view>

struct zip;

namespace afterglow::exporter {

class ZipWriter {
 public:
  // Creates `file`, which must not exist yet; throws Error naming it when it cannot.
  ZipWriter(const std::filesystem::path& file, std::time_t mtime);
  ~ZipWriter();  // without close(): nothing is written
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  enum class Method { store, deflate };
  void add_bytes(const std::string& name, std::string_view bytes, Method method);
  // The file's bytes are read at close(); it must stay there until then.
  void add_file(const std::string& name, const std::filesystem::path& path, Method method);
  // Writes the zip; throws Error naming the file when it cannot.
  void close();

 private:
  void added(const std::string& name, long long index, Method method);
  [[noreturn]] void fail(const std::string& what);

  std::filesystem::path file_;
  std::time_t mtime_;
  zip* zip_ = nullptr;
};

}  // namespace afterglow::exporter
