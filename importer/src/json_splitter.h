// Cuts a conversations file into its top-level array elements as the bytes stream in, so that
// memory is bounded by the largest conversation and never by the file (which can be gigabytes).
// Accepts `[ ... ]` and `{"conversations": [ ... ], ...}`. It only tracks strings, escapes and
// nesting depth; each element is validated later by the real JSON parser.
#pragma once

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace afterglow::importer {

// The file is not a conversations array or ends early. The message names no file: the caller
// knows which file it fed.
class JsonStructureError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class JsonArraySplitter {
 public:
  // Receives each element's exact bytes and its position in the array.
  using ElementHandler = std::function<void(std::string&& element, size_t index)>;

  explicit JsonArraySplitter(ElementHandler handler);

  void feed(std::string_view chunk);
  // Call after the last chunk: throws JsonStructureError when the array never closed.
  void finish();

  size_t elements() const { return count_; }

 private:
  enum class Phase {
    start,          // before the first structural character
    object_key,     // inside the top-level object, waiting for a key
    object_in_key,  // reading a key of the top-level object
    object_colon,   // after a key, waiting for ':'
    object_value,   // waiting for the value of a key
    object_skip,    // inside a value that is not the conversations array
    between,        // inside the array, between elements
    element,        // inside an element
    end,            // the top-level value closed
  };

  void emit();
  void start_element(char c);
  void step_structure(char c);
  size_t consume_element(std::string_view chunk, size_t i);

  ElementHandler handler_;
  Phase phase_ = Phase::start;
  bool in_string_ = false;
  bool escaped_ = false;
  int depth_ = 0;          // nesting depth outside elements (1 = inside the top-level value)
  int array_depth_ = 0;    // depth_ of the conversations array once found
  int element_depth_ = 0;  // nesting depth inside the current element
  bool saw_array_ = false;
  std::string key_;
  std::string element_;
  size_t count_ = 0;
  size_t bytes_seen_ = 0;
};

}  // namespace afterglow::importer
