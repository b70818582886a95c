// Writes a zip with libarchive, one entry at a time, streaming: an entry's data can be written
// in pieces without knowing its size in advance (libarchive then uses a data descriptor and
// Zip64), so a 2 GB conversations.json never sits in memory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>

struct archive;

namespace afterglow::bench {

class ZipOutput {
 public:
  // compression_level 0-9 (deflate). Throws afterglow::Error when the file cannot be created.
  ZipOutput(const std::filesystem::path& path, int compression_level);
  ~ZipOutput();
  ZipOutput(const ZipOutput&) = delete;
  ZipOutput& operator=(const ZipOutput&) = delete;

  void begin_entry(std::string_view name);
  void write(std::string_view data);
  void end_entry();
  // A whole small entry at once.
  void add_file(std::string_view name, std::string_view data);
  // Finishes the central directory and returns the zip's size in bytes.
  std::uint64_t close();

 private:
  void check(int status, std::string_view what);

  std::filesystem::path path_;
  archive* archive_ = nullptr;
};

}  // namespace afterglow::bench
