#include "afterglow/text/json_string.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace afterglow::text {
namespace {

TEST(JsonString, EscapesQuotesBackslashesAndEveryControlCharacter) {
  EXPECT_EQ(json_quote(""), "\"\"");
  EXPECT_EQ(json_quote("say \"hi\" \\ there"), "\"say \\\"hi\\\" \\\\ there\"");
  EXPECT_EQ(json_quote("a\nb\rc\td\be\ff"), "\"a\\nb\\rc\\td\\be\\ff\"");
  EXPECT_EQ(json_quote(std::string("\0\x01\x1f", 3)), "\"\\u0000\\u0001\\u001f\"");
  EXPECT_EQ(json_quote("\x7f"), "\"\x7f\"");  // DEL is no control character to JSON
  EXPECT_EQ(json_quote("\xE5\x8E\x8B\xE5\x8A\x9B"), "\"\xE5\x8E\x8B\xE5\x8A\x9B\"");
  std::string out = "[";
  append_json_string(out, "x");
  EXPECT_EQ(out, "[\"x\"");
}

TEST(JsonString, WritesWhatNlohmannWritesAndReadsBack) {
  for (int c = 0; c < 0x80; ++c) {
    const std::string text = std::string("<") + static_cast<char>(c) + ">";
    EXPECT_EQ(json_quote(text), nlohmann::json(text).dump()) << c;
    EXPECT_EQ(nlohmann::json::parse(json_quote(text)).get<std::string>(), text) << c;
  }
}

}  // namespace
}  // namespace afterglow::text
