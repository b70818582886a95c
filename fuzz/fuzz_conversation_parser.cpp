// One conversation element, as the JSON splitter hands it over, through the parser. A parse error
// is the expected answer to garbage; anything else (a crash, a sanitizer report) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "conversation_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static afterglow::importer::ConversationParser parser;
  const std::string element(reinterpret_cast<const char*>(data), size);
  try {
    parser.parse(element);
  } catch (const afterglow::importer::ConversationParseError&) {
  }
  return 0;
}
