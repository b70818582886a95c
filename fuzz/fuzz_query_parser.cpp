// Arbitrary text as a search query: parsed, or refused with QueryError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "afterglow/indexer/query.h"
#include "afterglow/model/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    afterglow::indexer::parse_query(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const afterglow::QueryError&) {
  }
  return 0;
}
