// Small text helpers shared by the JSON readers: escaping, trimming and repairing the damaged
// Unicode that broken exports contain, so one bad string does not cost a whole conversation.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "afterglow/text/case.h"
#include "afterglow/text/json_string.h"
#include "afterglow/text/utf8.h"

namespace afterglow::importer {

// `text` as a JSON string literal, quotes included.
using text::json_quote;

std::string_view trim_whitespace(std::string_view text);

// Replaces bytes that are not valid UTF-8 with U+FFFD. Returns nullopt when `text` is valid, so the
// common case costs no copy.
using text::repair_utf8;

// Replaces \uD800-\uDFFF escapes that do not form a surrogate pair with \uFFFD: some exports carry
// lone surrogates, which a strict JSON parser refuses.
std::optional<std::string> repair_lone_surrogates(std::string_view json);

// Both repairs above, for a retry after a strict parse failed. Nullopt when nothing changed.
std::optional<std::string> repair_json_text(std::string_view json);

// "1704629915.775304" or " 17e8 " -> number; anything else -> nullopt.
std::optional<double> parse_number_text(std::string_view text);

bool starts_with(std::string_view text, std::string_view prefix);
bool ends_with(std::string_view text, std::string_view suffix);
using text::to_lower_ascii;

}  // namespace afterglow::importer
