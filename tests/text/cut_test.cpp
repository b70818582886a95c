#include "afterglow/text/cut.h"

#include <gtest/gtest.h>

#include <string>

#include "afterglow/text/title.h"
#include "afterglow/text/utf8.h"

namespace afterglow::text {
namespace {

// 压力很大 (four three-byte characters) and a family emoji: man ZWJ woman ZWJ girl.
const std::string kChinese = "\xE5\x8E\x8B\xE5\x8A\x9B\xE5\xBE\x88\xE5\xA4\xA7";
const std::string kFamily =
    "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";

TEST(Cut, NeverSplitsAChineseCharacter) {
  for (size_t bytes = 0; bytes <= kChinese.size(); ++bytes) {
    const std::string_view cut = cut_at_character(kChinese, bytes);
    EXPECT_LE(cut.size(), bytes);
    EXPECT_EQ(cut.size() % 3, 0u) << bytes;
    EXPECT_TRUE(is_valid_utf8(cut)) << bytes;
  }
  EXPECT_EQ(cut_at_character(kChinese, 7), "\xE5\x8E\x8B\xE5\x8A\x9B");
  EXPECT_EQ(cut_at_character("short", 100), "short");
}

TEST(Cut, AnEmojiJoinedWithZwjStaysValidUtf8AtEveryCut) {
  for (size_t bytes = 0; bytes <= kFamily.size(); ++bytes) {
    EXPECT_TRUE(is_valid_utf8(cut_at_character(kFamily, bytes))) << bytes;
  }
  for (size_t chars = 0; chars <= 6; ++chars) {
    EXPECT_TRUE(is_valid_utf8(first_line(kFamily, chars))) << chars;
  }
  EXPECT_EQ(character_start(kFamily, 2), 0u);
  EXPECT_EQ(character_start(kFamily, 5), 4u);  // inside the ZWJ, which starts at byte 4
}

TEST(Cut, FirstLineSkipsBlankLinesAndCountsCharacters) {
  EXPECT_EQ(first_line("\n  \nhello\nworld", 60), "hello");
  EXPECT_EQ(first_line("   ", 60), "");
  EXPECT_EQ(first_line(kChinese + "\nmore", 2), "\xE5\x8E\x8B\xE5\x8A\x9B\xE2\x80\xA6");
  EXPECT_EQ(first_line(kChinese, 4), kChinese);  // exactly four: no ellipsis
}

TEST(Cut, AnExcerptFoldsWhitespaceAndPrefersAWordBoundary) {
  EXPECT_EQ(one_line_excerpt("  one\n\ntwo\tthree  ", 80), "one two three");
  EXPECT_EQ(one_line_excerpt(std::string(100, 'a'), 80), std::string(80, 'a') + "\xE2\x80\xA6");
  EXPECT_EQ(one_line_excerpt("the quick brown fox jumps", 12), "the quick\xE2\x80\xA6");
  EXPECT_EQ(one_line_excerpt("the quick brown fox jumps", 12, ExcerptEnd::at_character),
            "the quick br\xE2\x80\xA6");
  const std::string cut = one_line_excerpt(kChinese + kChinese, 5);
  EXPECT_EQ(cut, kChinese + "\xE5\x8E\x8B\xE2\x80\xA6");
  EXPECT_TRUE(is_valid_utf8(cut));
}

TEST(Title, OwnTitleElseTheFirstUserLineElseEmpty) {
  EXPECT_EQ(display_title("Cherry blossoms", "whatever"), "Cherry blossoms");
  EXPECT_EQ(display_title("", "\nWhere do cherry blossoms grow?\nAnd when?"),
            "Where do cherry blossoms grow?");
  EXPECT_EQ(display_title("", std::string(70, 'x')),
            std::string(kTitleCharacters, 'x') + "\xE2\x80\xA6");
  EXPECT_EQ(display_title("", " \n "), "");
}

}  // namespace
}  // namespace afterglow::text
