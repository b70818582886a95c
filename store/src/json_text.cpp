#include "json_text.h"

#include <simdjson.h>

namespace afterglow::store {

std::string citations_to_json(const std::vector<model::Citation>& citations) {
  std::string out = "[";
  for (const auto& c : citations) {
    if (out.size() > 1) out.push_back(',');
    out += "{\"number\":" + std::to_string(c.number) + ",\"title\":";
    append_json_string(out, c.title);
    out += ",\"url\":";
    append_json_string(out, c.url);
    out += ",\"snippet\":";
    append_json_string(out, c.snippet);
    out.push_back('}');
  }
  out.push_back(']');
  return out;
}

std::vector<model::Citation> citations_from_json(const std::string& json) {
  std::vector<model::Citation> citations;
  if (json.empty() || json == "[]") return citations;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(json).get(root) != simdjson::SUCCESS) return citations;
  simdjson::dom::array array;
  if (root.get_array().get(array) != simdjson::SUCCESS) return citations;
  for (simdjson::dom::element item : array) {
    model::Citation c;
    int64_t number = 0;
    if (item["number"].get_int64().get(number) == simdjson::SUCCESS) {
      c.number = static_cast<int>(number);
    }
    std::string_view s;
    if (item["title"].get_string().get(s) == simdjson::SUCCESS) c.title = s;
    if (item["url"].get_string().get(s) == simdjson::SUCCESS) c.url = s;
    if (item["snippet"].get_string().get(s) == simdjson::SUCCESS) c.snippet = s;
    citations.push_back(std::move(c));
  }
  return citations;
}

}  // namespace afterglow::store
