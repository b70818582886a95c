// A full check of an archive's own consistency: the SQLite file, every stored byte against its
// SHA-256, every compressed value, and the links between tables. Reads only; never repairs.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "afterglow/store/archive.h"

namespace afterglow::store {

struct VerifyReport {
  bool database_ok = false;    // PRAGMA integrity_check said "ok"
  int64_t blobs = 0;           // blobs read back and hashed
  int64_t blob_bytes = 0;      // their original bytes
  int64_t sources = 0;         // original export files checked against their blobs
  int64_t messages = 0;        // messages whose text and raw JSON decompressed
  int64_t conversations = 0;   // conversations whose metadata decompressed
  int64_t attachments = 0;     // attachments linked to stored bytes, links checked
  int64_t keepsakes = 0;       // stars, notes, letters and rests, each pointing where it should
  int64_t memory_records = 0;  // memory records, each matching its digest and where it happened
  // One readable line per problem: "<what>: <what is wrong>". Empty when all is well.
  std::vector<std::string> problems;
  bool ok() const { return problems.empty(); }
};

// Called between steps with a short description of what is being checked; keep it cheap.
using VerifyProgressFn = std::function<void(const std::string& step, int64_t done, int64_t total)>;

// Checks everything the archive holds. Problems are collected, not thrown, so one damaged row
// does not hide the next; an archive too damaged to read at all throws ArchiveError.
VerifyReport verify_archive(const Archive& archive, const VerifyProgressFn& progress = {});

}  // namespace afterglow::store
