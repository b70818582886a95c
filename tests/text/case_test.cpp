#include "afterglow/text/case.h"

#include <gtest/gtest.h>

namespace afterglow::text {
namespace {

TEST(Case, AsciiFoldingLeavesEveryOtherByteAlone) {
  EXPECT_EQ(to_lower_ascii("Photo.JPG"), "photo.jpg");
  EXPECT_EQ(to_lower_ascii("\xC3\x89T\xC3\x89"), "\xC3\x89t\xC3\x89");  // ÉTÉ: only the T
  EXPECT_TRUE(equals_ignoring_ascii_case("Content-Type", "content-type"));
  EXPECT_FALSE(equals_ignoring_ascii_case("abc", "abd"));
  EXPECT_FALSE(equals_ignoring_ascii_case("abc", "ab"));
}

TEST(Case, SimpleFoldOfLatinGreekAndCyrillicCapitals) {
  EXPECT_EQ(fold_simple_case(U'A'), U'a');
  EXPECT_EQ(fold_simple_case(0xC9), 0xE9u);    // É -> é
  EXPECT_EQ(fold_simple_case(0xD7), 0xD7u);    // × is no letter
  EXPECT_EQ(fold_simple_case(0x3A3), 0x3C3u);  // Σ -> σ
  EXPECT_EQ(fold_simple_case(0x416), 0x436u);  // Ж -> ж
  EXPECT_EQ(fold_simple_case(0x538B), 0x538Bu);
}

}  // namespace
}  // namespace afterglow::text
