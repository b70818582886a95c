// Forgiving accessors over simdjson DOM values: the export's fields can each be missing, null or
// of an unexpected type, and every accessor answers that with an empty value instead of failing.
#pragma once

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>

namespace afterglow::importer {

using Json = simdjson::dom::element;

std::optional<Json> field(Json object, std::string_view key);
// The string at `key`; empty when absent or not a string.
std::string text_field(Json object, std::string_view key);
std::string text_of(Json value);
// A number, or a string holding one (some exports write times as strings).
std::optional<double> number_field(Json object, std::string_view key);
std::optional<double> number_of(Json value);
bool bool_field(Json object, std::string_view key);
std::optional<simdjson::dom::object> object_field(Json object, std::string_view key);
std::optional<simdjson::dom::array> array_field(Json object, std::string_view key);
// Compact JSON text of a value.
std::string json_text(Json value);

// Parses one element of an export's array as exported or, when that cannot be read (invalid
// UTF-8, lone surrogates), as a repaired copy kept in `repaired_text` (the original bytes stay the
// record). `repaired` says which was read; the error is the first parse's when neither could be.
simdjson::error_code parse_repairing(simdjson::dom::parser& parser, const std::string& element,
                                     Json& root, std::string& repaired_text, bool& repaired);

}  // namespace afterglow::importer
