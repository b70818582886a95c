// A minimal minified-JSON writer that appends to a caller's string. The generator writes
// hundreds of MB per second through this, so it does no validation beyond placing commas.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace afterglow::bench {

// Seconds since the epoch in whole microseconds: exports carry floats with a microsecond fraction.
using Micros = std::int64_t;

class JsonOut {
 public:
  // ascii_only escapes every non-ASCII character as \uXXXX (with surrogate pairs), as exports
  // of 2023 and early 2024 did; later exports write UTF-8 as is.
  explicit JsonOut(std::string& out, bool ascii_only = false)
      : out_(out), ascii_only_(ascii_only) {}

  JsonOut& begin_object();
  JsonOut& end_object();
  JsonOut& begin_array();
  JsonOut& end_array();
  // Keys are the writer's own ASCII constants: written without escaping.
  JsonOut& key(std::string_view name);

  JsonOut& string(std::string_view text);
  JsonOut& null();
  JsonOut& boolean(bool value);
  JsonOut& integer(std::int64_t value);
  // A fixed-point number with `decimals` digits (durations, weights like 1.0).
  JsonOut& fixed(std::int64_t scaled, int decimals);
  // Seconds as Python prints a float: "1704629915.775304", "1756000001.0".
  JsonOut& seconds(Micros micros);
  // Already-serialised JSON (a message written earlier, a constant).
  JsonOut& raw(std::string_view json);

  void set_ascii_only(bool ascii_only) { ascii_only_ = ascii_only; }
  std::string& buffer() { return out_; }
  bool ascii_only() const { return ascii_only_; }

 private:
  void separate();
  void escape(std::string_view text);

  std::string& out_;
  bool ascii_only_;
  bool after_key_ = false;
  int depth_ = 0;
  bool first_[64] = {};
};

// Appends `text` escaped as the inside of a JSON string.
void append_json_escaped(std::string& out, std::string_view text, bool ascii_only);

}  // namespace afterglow::bench
