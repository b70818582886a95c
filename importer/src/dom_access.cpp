#include "dom_access.h"

#include "json_text.h"

namespace afterglow::importer {

std::optional<Json> field(Json object, std::string_view key) {
  if (!object.is_object()) return std::nullopt;
  Json value;
  if (object[key].get(value)) return std::nullopt;
  return value;
}

std::string text_of(Json value) {
  std::string_view text;
  if (value.get(text)) return {};
  return std::string(text);
}

std::string text_field(Json object, std::string_view key) {
  auto value = field(object, key);
  return value ? text_of(*value) : std::string();
}

std::optional<double> number_of(Json value) {
  double number = 0;
  if (!value.get(number)) return number;
  int64_t integer = 0;
  if (!value.get(integer)) return static_cast<double>(integer);
  uint64_t unsigned_integer = 0;
  if (!value.get(unsigned_integer)) return static_cast<double>(unsigned_integer);
  std::string_view text;
  if (!value.get(text)) return parse_number_text(text);
  return std::nullopt;
}

std::optional<double> number_field(Json object, std::string_view key) {
  auto value = field(object, key);
  return value ? number_of(*value) : std::nullopt;
}

bool bool_field(Json object, std::string_view key) {
  auto value = field(object, key);
  bool flag = false;
  return value && !value->get(flag) && flag;
}

std::optional<simdjson::dom::object> object_field(Json object, std::string_view key) {
  auto value = field(object, key);
  simdjson::dom::object result;
  if (!value || value->get(result)) return std::nullopt;
  return result;
}

std::optional<simdjson::dom::array> array_field(Json object, std::string_view key) {
  auto value = field(object, key);
  simdjson::dom::array result;
  if (!value || value->get(result)) return std::nullopt;
  return result;
}

simdjson::error_code parse_repairing(simdjson::dom::parser& parser, const std::string& element,
                                     Json& root, std::string& repaired_text, bool& repaired) {
  repaired = false;
  auto error = parser.parse(element).get(root);
  if (!error) return error;
  auto fixed = repair_json_text(element);
  if (!fixed) return error;
  repaired_text = std::move(*fixed);
  if (parser.parse(repaired_text).get(root)) return error;
  repaired = true;
  return simdjson::SUCCESS;
}

std::string json_text(Json value) { return simdjson::minify(value); }

}  // namespace afterglow::importer
