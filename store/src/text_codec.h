// zstd for the small, similar strings of the archive (message text, raw JSON, metadata): one
// frame per value, compressed with a dictionary trained on the archive's own messages so that
// even a two-word reply compresses. Dictionary 0 means plain zstd with no dictionary.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct ZSTD_CCtx_s;
struct ZSTD_DCtx_s;
struct ZSTD_CDict_s;
struct ZSTD_DDict_s;

namespace afterglow::store {

class Database;

inline constexpr int kTextLevel = 3;

class TextCodec {
 public:
  // Dictionaries are read from the `dictionaries` table of `db` the first time they are needed.
  explicit TextCodec(Database& db);
  ~TextCodec();
  TextCodec(const TextCodec&) = delete;
  TextCodec& operator=(const TextCodec&) = delete;

  std::string compress(std::string_view text, int64_t dict_id);
  std::string decompress(std::string_view frame, int64_t dict_id);

 private:
  ZSTD_CDict_s* cdict(int64_t dict_id);
  ZSTD_DDict_s* ddict(int64_t dict_id);
  std::string load(int64_t dict_id);

  Database& db_;
  ZSTD_CCtx_s* cctx_;
  ZSTD_DCtx_s* dctx_;
  std::map<int64_t, ZSTD_CDict_s*> cdicts_;
  std::map<int64_t, ZSTD_DDict_s*> ddicts_;
};

// Samples gathered for training: bytes laid end to end plus each sample's length.
struct TrainingSamples {
  std::string bytes;
  std::vector<size_t> sizes;
  void add(std::string_view sample);
};

// Trains a dictionary of at most `capacity` bytes; nullopt when zstd cannot (too few samples).
std::optional<std::string> train_dictionary(const TrainingSamples& samples, size_t capacity);
// The id zstd writes into frames made with this dictionary.
uint32_t zstd_dictionary_id(std::string_view dictionary);

}  // namespace afterglow::store
