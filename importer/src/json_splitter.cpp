#include "json_splitter.h"

#include <utility>

namespace afterglow::importer {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Keys of the top-level object are short; a longer one cannot be "conversations".
constexpr size_t kMaxKeyBytes = 64;

}  // namespace

JsonArraySplitter::JsonArraySplitter(ElementHandler handler) : handler_(std::move(handler)) {}

void JsonArraySplitter::emit() {
  size_t index = count_++;
  std::string element = std::move(element_);
  element_.clear();
  handler_(std::move(element), index);
}

void JsonArraySplitter::start_element(char c) {
  element_.clear();
  element_ += c;
  element_depth_ = 0;
  in_string_ = false;
  escaped_ = false;
  if (c == '{' || c == '[') element_depth_ = 1;
  if (c == '"') in_string_ = true;
  phase_ = Phase::element;
}

// Reads element bytes from chunk[i] on; returns the index just past what it consumed.
size_t JsonArraySplitter::consume_element(std::string_view chunk, size_t i) {
  while (i < chunk.size()) {
    if (in_string_) {
      // Fast path: copy the plain run of a string up to the next quote or backslash.
      if (escaped_) {
        element_ += chunk[i++];
        escaped_ = false;
        continue;
      }
      size_t stop = chunk.find_first_of("\"\\", i);
      if (stop == std::string_view::npos) {
        element_.append(chunk.substr(i));
        return chunk.size();
      }
      element_.append(chunk.substr(i, stop - i + 1));
      if (chunk[stop] == '\\') {
        escaped_ = true;
      } else {
        in_string_ = false;
        if (element_depth_ == 0) {  // a bare string element ends with its quote
          emit();
          phase_ = Phase::between;
          return stop + 1;
        }
      }
      i = stop + 1;
      continue;
    }
    char c = chunk[i];
    if (element_depth_ == 0) {
      // A scalar element (not a conversation, but kept so it can be reported) ends at a
      // separator; the separator itself belongs to the array.
      if (c == ',' || c == ']' || is_space(c)) {
        emit();
        phase_ = Phase::between;
        return i;
      }
      element_ += c;
      ++i;
      continue;
    }
    element_ += c;
    ++i;
    if (c == '"') {
      in_string_ = true;
    } else if (c == '{' || c == '[') {
      ++element_depth_;
    } else if (c == '}' || c == ']') {
      if (--element_depth_ == 0) {
        emit();
        phase_ = Phase::between;
        return i;
      }
    }
  }
  return i;
}

// One character outside any element.
void JsonArraySplitter::step_structure(char c) {
  switch (phase_) {
    case Phase::start:
      if (is_space(c)) return;
      if (c == '[') {
        depth_ = array_depth_ = 1;
        saw_array_ = true;
        phase_ = Phase::between;
      } else if (c == '{') {
        depth_ = 1;
        phase_ = Phase::object_key;
      } else {
        throw JsonStructureError("not a JSON array or object of conversations");
      }
      return;
    case Phase::object_key:
      if (is_space(c) || c == ',') return;
      if (c == '"') {
        key_.clear();
        escaped_ = false;
        phase_ = Phase::object_in_key;
      } else if (c == '}') {
        depth_ = 0;
        phase_ = Phase::end;
      } else {
        throw JsonStructureError("malformed JSON object at the top level");
      }
      return;
    case Phase::object_in_key:
      if (escaped_) {
        escaped_ = false;
      } else if (c == '\\') {
        escaped_ = true;
      } else if (c == '"') {
        phase_ = Phase::object_colon;
        return;
      }
      if (key_.size() <= kMaxKeyBytes) key_ += c;
      return;
    case Phase::object_colon:
      if (is_space(c)) return;
      if (c != ':') throw JsonStructureError("malformed JSON object at the top level");
      phase_ = Phase::object_value;
      return;
    case Phase::object_value:
      if (is_space(c)) return;
      if (c == '[' && key_ == "conversations" && !saw_array_) {
        saw_array_ = true;
        depth_ = array_depth_ = 2;
        phase_ = Phase::between;
        return;
      }
      in_string_ = false;
      escaped_ = false;
      phase_ = Phase::object_skip;
      [[fallthrough]];
    case Phase::object_skip:
      if (in_string_) {
        if (escaped_) {
          escaped_ = false;
        } else if (c == '\\') {
          escaped_ = true;
        } else if (c == '"') {
          in_string_ = false;
        }
        return;
      }
      if (c == '"') {
        in_string_ = true;
      } else if (c == '{' || c == '[') {
        ++depth_;
      } else if (c == '}' || c == ']') {
        if (--depth_ == 0) phase_ = Phase::end;
      } else if (c == ',' && depth_ == 1) {
        phase_ = Phase::object_key;
      }
      return;
    case Phase::between:
      if (is_space(c) || c == ',') return;
      if (c == ']') {
        depth_ = array_depth_ - 1;
        if (depth_ == 0) {
          phase_ = Phase::end;
        } else {
          in_string_ = false;
          phase_ = Phase::object_skip;
        }
        return;
      }
      start_element(c);
      return;
    case Phase::element:
      return;  // handled by consume_element
    case Phase::end:
      return;  // trailing bytes after the array are ignored
  }
}

void JsonArraySplitter::feed(std::string_view chunk) {
  size_t i = 0;
  // A UTF-8 byte order mark is tolerated at the very start.
  if (bytes_seen_ == 0 && chunk.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  bytes_seen_ += chunk.size();
  while (i < chunk.size()) {
    if (phase_ == Phase::element) {
      i = consume_element(chunk, i);
      continue;
    }
    if (phase_ == Phase::end) return;
    step_structure(chunk[i++]);
  }
}

void JsonArraySplitter::finish() {
  switch (phase_) {
    case Phase::end:
      if (!saw_array_) throw JsonStructureError("no \"conversations\" array in this JSON object");
      return;
    case Phase::start:
      throw JsonStructureError("empty file, expected a JSON array of conversations");
    case Phase::element:
      throw JsonStructureError("truncated JSON: the file ends inside conversation " +
                               std::to_string(count_ + 1));
    default:
      throw JsonStructureError("truncated JSON: the file ends before the conversations array " +
                               std::string("closes (after ") + std::to_string(count_) +
                               " conversations)");
  }
}

}  // namespace afterglow::importer
