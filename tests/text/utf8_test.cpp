#include "afterglow/text/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace afterglow::text {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

TEST(Utf8, ValidTextOfEveryLengthIsValid) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ASCII"));
  EXPECT_TRUE(is_valid_utf8("caf\xC3\xA9"));               // é, two bytes
  EXPECT_TRUE(is_valid_utf8("\xE5\x8E\x8B\xE5\x8A\x9B"));  // 压力, three bytes each
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));          // 😀, four bytes
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));          // U+10FFFF, the last code point
  EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));              // U+D7FF, just below the surrogates
  EXPECT_TRUE(is_valid_utf8("\xEE\x80\x80"));              // U+E000, just above them
}

struct Invalid {
  const char* kind;
  std::string bytes;
};

TEST(Utf8, EveryKindOfInvalidSequenceIsRefused) {
  const std::vector<Invalid> cases = {
      {"overlong two-byte /", "\xC0\xAF"},
      {"overlong two-byte A", "\xC1\x81"},
      {"overlong three-byte", "\xE0\x80\xAF"},
      {"overlong four-byte", "\xF0\x80\x80\xAF"},
      {"high surrogate", "\xED\xA0\x80"},
      {"low surrogate", "\xED\xBF\xBF"},
      {"past U+10FFFF", "\xF4\x90\x80\x80"},
      {"lead byte F5", "\xF5\x80\x80\x80"},
      {"lead byte FF", "\xFF"},
      {"lone continuation byte", "\x80"},
      {"truncated two-byte", "\xC3"},
      {"truncated three-byte", "\xE5\x8E"},
      {"truncated four-byte", "\xF0\x9F\x98"},
      {"truncated before ASCII",
       "\xE5\x8E"
       "a"},
  };
  for (const auto& c : cases) {
    EXPECT_FALSE(is_valid_utf8(c.bytes)) << c.kind;
    EXPECT_FALSE(is_valid_utf8("ok " + c.bytes + " ok")) << c.kind;
    EXPECT_EQ(utf8_sequence_length(c.bytes, 0), 0u) << c.kind;
    const CodePoint cp = decode_utf8(c.bytes, 0);
    EXPECT_FALSE(cp.valid) << c.kind;
    EXPECT_EQ(cp.length, 1u) << c.kind;
    const auto repaired = repair_utf8(c.bytes);
    ASSERT_TRUE(repaired.has_value()) << c.kind;
    EXPECT_TRUE(is_valid_utf8(*repaired)) << c.kind;
  }
}

TEST(Utf8, RepairReplacesEachBadByteAndKeepsTheRest) {
  EXPECT_EQ(repair_utf8("fine \xE5\x8E\x8B"), std::nullopt);  // valid: no copy
  EXPECT_EQ(*repair_utf8("a\xFF"
                         "b"),
            "a" + kFffd + "b");
  // Every byte of a refused sequence is a replacement of its own, so the damage keeps its size.
  EXPECT_EQ(*repair_utf8("\xC0\xAF"), kFffd + kFffd);
  EXPECT_EQ(*repair_utf8("\xED\xA0\x80"), kFffd + kFffd + kFffd);
  EXPECT_EQ(*repair_utf8("\xF4\x90\x80\x80"), kFffd + kFffd + kFffd + kFffd);
  // A truncated sequence before good text: its bytes go, the good character after it stays.
  EXPECT_EQ(*repair_utf8("\xE5\x8E\xE5\x8A\x9B"), kFffd + kFffd + "\xE5\x8A\x9B");
  EXPECT_EQ(valid_utf8("x\x80y"), "x" + kFffd + "y");
  EXPECT_EQ(valid_utf8("\xE5\x8E\x8B"), "\xE5\x8E\x8B");
}

TEST(Utf8, DecodesAndEncodesCodePoints) {
  const std::string text = "a\xC3\xA9\xE5\x8E\x8B\xF0\x9F\x98\x80";
  std::vector<char32_t> seen;
  for_each_code_point(text, [&](const CodePoint& cp) {
    EXPECT_TRUE(cp.valid);
    seen.push_back(cp.value);
  });
  EXPECT_EQ(seen, (std::vector<char32_t>{U'a', 0xE9, 0x538B, 0x1F600}));
  std::string out;
  for (char32_t cp : seen) append_utf8(out, cp);
  EXPECT_EQ(out, text);
  EXPECT_EQ(count_code_points(text), 4u);
  const CodePoint bad = decode_utf8("\xFF", 0);
  EXPECT_EQ(bad.value, 0xFFu);  // an invalid byte decodes as itself
}

}  // namespace
}  // namespace afterglow::text
