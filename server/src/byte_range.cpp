#include "afterglow/server/byte_range.h"

#include <charconv>

namespace afterglow::server {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A non-negative decimal, all of `s`.
std::optional<int64_t> number(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  int64_t value = 0;
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (error != std::errc() || end != s.data() + s.size() || value < 0) return std::nullopt;
  return value;
}

}  // namespace

RangeRequest parse_range(std::string_view header, int64_t size) {
  RangeRequest whole;
  header = trim(header);
  if (header.empty() || !header.starts_with("bytes=")) return whole;
  std::string_view spec = trim(header.substr(6));
  if (spec.find(',') != std::string_view::npos) return whole;  // several ranges: whole file
  size_t dash = spec.find('-');
  if (dash == std::string_view::npos) return whole;
  std::string_view from = trim(spec.substr(0, dash)), to = trim(spec.substr(dash + 1));
  RangeRequest out;
  out.status = RangeStatus::partial;
  if (from.empty()) {
    // "-N": the last N bytes.
    auto suffix = number(to);
    if (!suffix) return whole;
    if (*suffix == 0 || size == 0) return {RangeStatus::unsatisfiable, {}};
    out.range.first = *suffix >= size ? 0 : size - *suffix;
    out.range.last = size - 1;
    return out;
  }
  auto first = number(from);
  if (!first) return whole;
  std::optional<int64_t> last = to.empty() ? std::optional<int64_t>(*first) : number(to);
  if (!last || *last < *first) return whole;  // syntactically invalid: ignore the header
  if (*first >= size) return {RangeStatus::unsatisfiable, {}};
  if (to.empty()) last = size - 1;
  out.range.first = *first;
  out.range.last = *last >= size ? size - 1 : *last;
  return out;
}

}  // namespace afterglow::server
