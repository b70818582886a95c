#include "blob_store.h"

#include <zstd.h>

#include <algorithm>
#include <cstring>

#include "afterglow/model/errors.h"
#include "afterglow/store/sqlite.h"
#include "afterglow/text/media_types.h"
#include "sha256.h"

namespace afterglow::store {
namespace {

void check_zstd(Database& db, size_t rc, const char* what) {
  if (ZSTD_isError(rc)) {
    throw ArchiveError(db.path() + ": " + what + ": " + ZSTD_getErrorName(rc));
  }
}

}  // namespace

std::optional<BlobLocation> find_blob(Database& db, const std::string& sha256) {
  auto& q = db.cached("SELECT id, size, compression, mime FROM blobs WHERE sha256 = ?");
  q.bind(1, sha256);
  std::optional<BlobLocation> found;
  if (q.step()) found = BlobLocation{q.int64(0), sha256, q.int64(1), q.text(2), q.text(3)};
  q.reset();
  return found;
}

BlobReader::BlobReader(Database& db, BlobLocation blob) : db_(db), blob_(std::move(blob)) {
  if (blob_.compression == "zstd") {
    dctx_ = ZSTD_createDCtx();
    out_.resize(ZSTD_DStreamOutSize());
  }
}

BlobReader::~BlobReader() { ZSTD_freeDCtx(dctx_); }

bool BlobReader::fetch_chunk() {
  auto& q = db_.cached("SELECT data FROM blob_chunks WHERE blob_id = ? AND seq = ?");
  q.bind(1, blob_.id).bind(2, next_seq_);
  bool found = q.step();
  if (found) {
    chunk_.assign(q.blob(0));
    chunk_pos_ = 0;
    ++next_seq_;
  }
  q.reset();
  return found;
}

bool BlobReader::next(std::string& piece) {
  if (!dctx_) {
    if (!fetch_chunk()) {
      if (produced_ != blob_.size) {
        throw ArchiveError(db_.path() + ": damaged archive: blob " + blob_.sha256 +
                           " is truncated");
      }
      return false;
    }
    piece.swap(chunk_);
    produced_ += static_cast<int64_t>(piece.size());
    return true;
  }
  while (true) {
    if (chunk_pos_ == chunk_.size() && !chunks_done_ && !fetch_chunk()) chunks_done_ = true;
    ZSTD_inBuffer in{chunk_.data(), chunk_.size(), chunk_pos_};
    ZSTD_outBuffer out{out_.data(), out_.size(), 0};
    const size_t before = in.pos;
    size_t rc = ZSTD_decompressStream(dctx_, &out, &in);
    check_zstd(db_, rc, "damaged archive: cannot decompress a blob");
    // 0 means a frame just ended; a call with nothing to do says nothing about that.
    if (in.pos != before || out.pos > 0) frame_ended_ = rc == 0;
    chunk_pos_ = in.pos;
    if (out.pos > 0) {
      piece.assign(out_.data(), out.pos);
      produced_ += static_cast<int64_t>(out.pos);
      return true;
    }
    if (chunks_done_ && chunk_pos_ == chunk_.size()) {
      if (!frame_ended_ || produced_ != blob_.size) {
        throw ArchiveError(db_.path() + ": damaged archive: blob " + blob_.sha256 +
                           " is truncated");
      }
      return false;
    }
  }
}

BlobWriter::BlobWriter(Database& db, ZSTD_CCtx_s* cctx, std::optional<BlobLocation> previous)
    : db_(db), cctx_(cctx), sha_(std::make_unique<Sha256>()), previous_(std::move(previous)) {
  if (previous_) {
    matching_ = true;
    previous_reader_ = std::make_unique<BlobReader>(db_, *previous_);
  }
}

BlobWriter::~BlobWriter() = default;

void BlobWriter::write(std::string_view data) {
  if (!matching_) {
    store(data);
    return;
  }
  size_t i = 0;
  while (i < data.size()) {
    if (previous_pos_ == previous_piece_.size()) {
      if (!previous_reader_->next(previous_piece_)) break;  // the new file is longer
      previous_pos_ = 0;
    }
    size_t n = std::min(data.size() - i, previous_piece_.size() - previous_pos_);
    if (std::memcmp(data.data() + i, previous_piece_.data() + previous_pos_, n) != 0) break;
    i += n;
    previous_pos_ += n;
    matched_ += static_cast<int64_t>(n);
  }
  if (i < data.size()) {
    diverge();
    store(data.substr(i));
  }
}

// The file differs from its previous version after `matched_` bytes: store those bytes again from
// the previous blob, then carry on with the new ones.
void BlobWriter::diverge() {
  matching_ = false;
  previous_reader_.reset();
  BlobReader replay(db_, *previous_);
  std::string piece;
  int64_t left = matched_;
  while (left > 0 && replay.next(piece)) {
    size_t n = static_cast<size_t>(std::min<int64_t>(left, static_cast<int64_t>(piece.size())));
    store(std::string_view(piece).substr(0, n));
    left -= static_cast<int64_t>(n);
  }
}

void BlobWriter::start(std::string_view first_bytes) {
  started_ = true;
  text::SniffedType type = text::sniff_media_type(first_bytes);
  compressed_ = !type.compressed;
  mime_ = type.mime;
  auto& insert = db_.cached(
      "INSERT INTO blobs (sha256, size, compression, stored_size, mime) VALUES (NULL, 0, ?, 0, ?)");
  insert.bind(1, compressed_ ? "zstd" : "none").bind_text_or_null(2, mime_).run();
  blob_id_ = db_.last_insert_rowid();
  if (compressed_) {
    ZSTD_CCtx_reset(cctx_, ZSTD_reset_session_and_parameters);
    check_zstd(db_, ZSTD_CCtx_setParameter(cctx_, ZSTD_c_compressionLevel, kBlobLevel), "zstd");
    check_zstd(db_, ZSTD_CCtx_setParameter(cctx_, ZSTD_c_enableLongDistanceMatching, 1), "zstd");
    check_zstd(db_, ZSTD_CCtx_setParameter(cctx_, ZSTD_c_windowLog, kBlobWindowLog), "zstd");
  }
}

void BlobWriter::store(std::string_view data) {
  if (!started_) start(data);
  sha_->update(data);
  size_ += static_cast<int64_t>(data.size());
  if (compressed_) {
    compress(data, false);
    return;
  }
  while (!data.empty()) {
    size_t n = std::min(data.size(), kChunkBytes - chunk_.size());
    chunk_.append(data.substr(0, n));
    data.remove_prefix(n);
    if (chunk_.size() == kChunkBytes) flush_chunk();
  }
}

void BlobWriter::compress(std::string_view data, bool last) {
  ZSTD_inBuffer in{data.data(), data.size(), 0};
  char buffer[64 * 1024];
  while (true) {
    ZSTD_outBuffer out{buffer, sizeof buffer, 0};
    size_t left = ZSTD_compressStream2(cctx_, &out, &in, last ? ZSTD_e_end : ZSTD_e_continue);
    check_zstd(db_, left, "zstd compression failed");
    chunk_.append(buffer, out.pos);
    if (chunk_.size() >= kChunkBytes) flush_chunk();
    if (last ? left == 0 : in.pos == in.size) break;
  }
}

void BlobWriter::flush_chunk() {
  if (chunk_.empty()) return;
  db_.cached("INSERT INTO blob_chunks (blob_id, seq, data) VALUES (?, ?, ?)")
      .bind(1, blob_id_)
      .bind(2, next_seq_++)
      .bind_blob(3, chunk_)
      .run();
  stored_bytes_ += static_cast<int64_t>(chunk_.size());
  chunk_.clear();
}

void BlobWriter::abandon() {
  if (blob_id_ == 0) return;
  db_.cached("DELETE FROM blob_chunks WHERE blob_id = ?").bind(1, blob_id_).run();
  db_.cached("DELETE FROM blobs WHERE id = ?").bind(1, blob_id_).run();
  blob_id_ = 0;
}

BlobResult BlobWriter::finish() {
  if (matching_) {
    std::string rest;
    bool longer = previous_pos_ < previous_piece_.size() || previous_reader_->next(rest);
    if (!longer && matched_ == previous_->size) {
      return {previous_->sha256, previous_->size, 0, true, previous_->mime};
    }
    diverge();
  }
  if (!started_) start({});
  if (compressed_) compress({}, true);
  flush_chunk();

  BlobResult result{sha_->hex_digest(), size_, stored_bytes_, false, mime_};
  if (auto existing = find_blob(db_, result.sha256)) {
    // Same bytes under another name: keep the stored copy, drop the rows just written.
    abandon();
    result.stored_bytes = 0;
    result.already_stored = true;
    if (result.mime.empty()) result.mime = existing->mime;
    return result;
  }
  db_.cached("UPDATE blobs SET sha256 = ?, size = ?, stored_size = ? WHERE id = ?")
      .bind(1, result.sha256)
      .bind(2, size_)
      .bind(3, stored_bytes_)
      .bind(4, blob_id_)
      .run();
  return result;
}

}  // namespace afterglow::store
