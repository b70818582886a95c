// Content-addressed blobs, streamed in and out in ~1 MiB chunk rows so that a file of any size
// passes through bounded memory. A compressed blob is ONE zstd frame (long-distance matching,
// window 2^27 so that plain `zstd -d` decodes it) cut across its chunk rows.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct ZSTD_CCtx_s;
struct ZSTD_DCtx_s;

namespace afterglow::store {

class Database;
class Sha256;

inline constexpr size_t kChunkBytes = 1 << 20;
inline constexpr int kBlobLevel = 3;
inline constexpr int kBlobWindowLog = 27;

// A stored blob, as a reader needs it.
struct BlobLocation {
  int64_t id = 0;
  std::string sha256;
  int64_t size = 0;
  std::string compression;  // "none" or "zstd"
  std::string mime;
};

std::optional<BlobLocation> find_blob(Database& db, const std::string& sha256);

// Pulls a blob's original bytes, one piece at a time.
class BlobReader {
 public:
  BlobReader(Database& db, BlobLocation blob);
  ~BlobReader();
  BlobReader(const BlobReader&) = delete;
  BlobReader& operator=(const BlobReader&) = delete;

  // Replaces `piece` with the next bytes; false at the end of the blob.
  bool next(std::string& piece);

 private:
  bool fetch_chunk();

  Database& db_;
  BlobLocation blob_;
  int64_t next_seq_ = 0;
  std::string chunk_;
  size_t chunk_pos_ = 0;
  bool chunks_done_ = false;
  ZSTD_DCtx_s* dctx_ = nullptr;
  std::string out_;
  int64_t produced_ = 0;
  bool frame_ended_ = false;
};

struct BlobResult {
  std::string sha256;
  int64_t size = 0;
  int64_t stored_bytes = 0;  // bytes of chunk rows this writer added (0 when already stored)
  bool already_stored = false;
  std::string mime;  // sniffed from the first bytes; may be empty
};

// Streams one file into the archive. When `previous` is given (the blob the same path had in an
// earlier import), incoming bytes are first compared with it and nothing is written while they
// match, so re-importing an unchanged 600 MB export writes no chunk at all.
class BlobWriter {
 public:
  BlobWriter(Database& db, ZSTD_CCtx_s* cctx, std::optional<BlobLocation> previous);
  ~BlobWriter();
  BlobWriter(const BlobWriter&) = delete;
  BlobWriter& operator=(const BlobWriter&) = delete;

  void write(std::string_view data);
  BlobResult finish();
  // Removes whatever rows this writer added (the file was not finished).
  void abandon();

 private:
  void store(std::string_view data);
  void start(std::string_view first_bytes);
  void compress(std::string_view data, bool last);
  void flush_chunk();
  void diverge();

  Database& db_;
  ZSTD_CCtx_s* cctx_;
  std::unique_ptr<Sha256> sha_;
  std::optional<BlobLocation> previous_;
  std::unique_ptr<BlobReader> previous_reader_;
  std::string previous_piece_;
  size_t previous_pos_ = 0;
  int64_t matched_ = 0;
  bool matching_ = false;

  bool started_ = false;
  bool compressed_ = true;
  std::string mime_;
  int64_t blob_id_ = 0;
  int64_t next_seq_ = 0;
  int64_t size_ = 0;
  int64_t stored_bytes_ = 0;
  std::string chunk_;
};

}  // namespace afterglow::store
