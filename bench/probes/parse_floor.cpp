// afterglow-parse-floor FILE.json: the floor for parsing a conversations file. Loads the file and
// parses it whole with simdjson (DOM: every value validated and laid out), touching nothing
// else, so that the importer's read/parse time can be compared with what simdjson alone costs.
// Prints one JSON object: bytes, load_seconds, parse_seconds, elements.
#include <simdjson.h>

#include <chrono>
#include <cstdio>

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: afterglow-parse-floor FILE.json\n");
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  simdjson::padded_string json;
  if (auto error = simdjson::padded_string::load(argv[1]).get(json)) {
    std::fprintf(stderr, "%s: %s\n", argv[1], simdjson::error_message(error));
    return 1;
  }
  const double load = seconds_since(start);

  start = std::chrono::steady_clock::now();
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto error = parser.parse(json).get(root)) {
    std::fprintf(stderr, "%s: %s\n", argv[1], simdjson::error_message(error));
    return 1;
  }
  size_t elements = 0;
  simdjson::dom::array array;
  if (!root.get_array().get(array)) elements = array.size();
  const double parse = seconds_since(start);

  std::printf(
      "{\"bytes\": %zu, \"load_seconds\": %.6f, \"parse_seconds\": %.6f, \"elements\": %zu}\n",
      json.size(), load, parse, elements);
  return 0;
}
