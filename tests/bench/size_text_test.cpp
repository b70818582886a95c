#include "generator/size_text.h"

#include <gtest/gtest.h>

#include "afterglow/model/errors.h"

namespace afterglow::bench {
namespace {

TEST(ParseSize, ReadsDecimalAndBinaryUnits) {
  EXPECT_EQ(parse_size("12345"), 12345u);
  EXPECT_EQ(parse_size("300KB"), 300'000u);
  EXPECT_EQ(parse_size("600MB"), 600'000'000u);
  EXPECT_EQ(parse_size("600mb"), 600'000'000u);
  EXPECT_EQ(parse_size("2GB"), 2'000'000'000u);
  EXPECT_EQ(parse_size("1.5G"), 1'500'000'000u);
  EXPECT_EQ(parse_size("10 MiB"), 10u * 1024 * 1024);
}

TEST(ParseSize, RejectsWhatIsNotASize) {
  EXPECT_THROW(parse_size("MB"), Error);
  EXPECT_THROW(parse_size("12 parsecs"), Error);
  EXPECT_THROW(parse_size(""), Error);
}

}  // namespace
}  // namespace afterglow::bench
