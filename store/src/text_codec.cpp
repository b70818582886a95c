#include "text_codec.h"

#include <zdict.h>
#include <zstd.h>

#include "afterglow/model/errors.h"
#include "afterglow/store/sqlite.h"

namespace afterglow::store {

TextCodec::TextCodec(Database& db) : db_(db), cctx_(ZSTD_createCCtx()), dctx_(ZSTD_createDCtx()) {}

TextCodec::~TextCodec() {
  for (auto& [id, d] : cdicts_) ZSTD_freeCDict(d);
  for (auto& [id, d] : ddicts_) ZSTD_freeDDict(d);
  ZSTD_freeCCtx(cctx_);
  ZSTD_freeDCtx(dctx_);
}

std::string TextCodec::load(int64_t dict_id) {
  auto& q = db_.cached("SELECT data FROM dictionaries WHERE id = ?");
  q.bind(1, dict_id);
  if (!q.step()) {
    q.reset();
    throw ArchiveError(db_.path() + ": damaged archive: dictionary " + std::to_string(dict_id) +
                       " is missing");
  }
  std::string data(q.blob(0));
  q.reset();
  return data;
}

ZSTD_CDict_s* TextCodec::cdict(int64_t dict_id) {
  auto it = cdicts_.find(dict_id);
  if (it != cdicts_.end()) return it->second;
  std::string data = load(dict_id);
  ZSTD_CDict* d = ZSTD_createCDict(data.data(), data.size(), kTextLevel);
  if (!d)
    throw ArchiveError(db_.path() + ": dictionary " + std::to_string(dict_id) + " is damaged");
  return cdicts_.emplace(dict_id, d).first->second;
}

ZSTD_DDict_s* TextCodec::ddict(int64_t dict_id) {
  auto it = ddicts_.find(dict_id);
  if (it != ddicts_.end()) return it->second;
  std::string data = load(dict_id);
  ZSTD_DDict* d = ZSTD_createDDict(data.data(), data.size());
  if (!d)
    throw ArchiveError(db_.path() + ": dictionary " + std::to_string(dict_id) + " is damaged");
  return ddicts_.emplace(dict_id, d).first->second;
}

std::string TextCodec::compress(std::string_view text, int64_t dict_id) {
  std::string out(ZSTD_compressBound(text.size()), '\0');
  size_t n = dict_id == 0 ? ZSTD_compressCCtx(cctx_, out.data(), out.size(), text.data(),
                                              text.size(), kTextLevel)
                          : ZSTD_compress_usingCDict(cctx_, out.data(), out.size(), text.data(),
                                                     text.size(), cdict(dict_id));
  if (ZSTD_isError(n)) {
    throw ArchiveError(db_.path() + ": zstd compression failed: " + ZSTD_getErrorName(n));
  }
  out.resize(n);
  return out;
}

std::string TextCodec::decompress(std::string_view frame, int64_t dict_id) {
  unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN) {
    throw ArchiveError(db_.path() + ": damaged archive: a compressed text is not a zstd frame");
  }
  std::string out(size, '\0');
  size_t n = dict_id == 0
                 ? ZSTD_decompressDCtx(dctx_, out.data(), out.size(), frame.data(), frame.size())
                 : ZSTD_decompress_usingDDict(dctx_, out.data(), out.size(), frame.data(),
                                              frame.size(), ddict(dict_id));
  if (ZSTD_isError(n) || n != size) {
    throw ArchiveError(db_.path() + ": damaged archive: cannot decompress a text (" +
                       (ZSTD_isError(n) ? ZSTD_getErrorName(n) : "size mismatch") + ")");
  }
  return out;
}

void TrainingSamples::add(std::string_view sample) {
  if (sample.empty()) return;
  bytes.append(sample);
  sizes.push_back(sample.size());
}

std::optional<std::string> train_dictionary(const TrainingSamples& samples, size_t capacity) {
  // zstd needs material several times the dictionary's size and a fair number of samples.
  if (samples.sizes.size() < 8 || samples.bytes.size() < 8 * 1024) return std::nullopt;
  std::string dict(capacity, '\0');
  size_t n =
      ZDICT_trainFromBuffer(dict.data(), dict.size(), samples.bytes.data(), samples.sizes.data(),
                            static_cast<unsigned>(samples.sizes.size()));
  if (ZDICT_isError(n) || n == 0) return std::nullopt;
  dict.resize(n);
  return dict;
}

uint32_t zstd_dictionary_id(std::string_view dictionary) {
  return ZSTD_getDictID_fromDict(dictionary.data(), dictionary.size());
}

}  // namespace afterglow::store
