#include "afterglow/model/local_time.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

namespace afterglow::model {
namespace {

// Sets TZ for one test and restores it, so dates are checked in a zone that is not UTC.
class ZoneGuard {
 public:
  explicit ZoneGuard(const char* zone) {
    if (const char* old = std::getenv("TZ")) old_ = old;
    setenv("TZ", zone, 1);
    tzset();
  }
  ~ZoneGuard() {
    if (old_.empty()) {
      unsetenv("TZ");
    } else {
      setenv("TZ", old_.c_str(), 1);
    }
    tzset();
  }

 private:
  std::string old_;
};

TEST(LocalTime, DayInShanghaiStartsAtSixteenUtcTheDayBefore) {
  ZoneGuard zone("Asia/Shanghai");
  auto r = parse_local_date("2024-05-13");
  ASSERT_TRUE(r);
  EXPECT_DOUBLE_EQ(r->begin, 1715529600);  // 2024-05-12T16:00:00Z
  EXPECT_DOUBLE_EQ(r->end - r->begin, 86400);
  EXPECT_EQ(format_local(r->begin, "%Y-%m-%d %H:%M"), "2024-05-13 00:00");
}

TEST(LocalTime, MonthsAndYears) {
  ZoneGuard zone("UTC");
  auto month = parse_local_date("2024-02");
  ASSERT_TRUE(month);
  EXPECT_DOUBLE_EQ(month->end - month->begin, 29 * 86400);  // leap year
  auto year = parse_local_date("2023");
  ASSERT_TRUE(year);
  EXPECT_DOUBLE_EQ(year->end - year->begin, 365 * 86400);
  EXPECT_EQ(local_year(year->begin), 2023);
}

TEST(LocalTime, DstDayIsTwentyThreeHours) {
  ZoneGuard zone("Europe/Berlin");
  auto r = parse_local_date("2024-03-31");
  ASSERT_TRUE(r);
  EXPECT_DOUBLE_EQ(r->end - r->begin, 23 * 3600);
}

TEST(LocalTime, RejectsImpossibleDates) {
  for (const char* bad : {"2024-13", "2024-02-30", "24-05-13", "2024-5-1", "yesterday", ""}) {
    EXPECT_FALSE(parse_local_date(bad)) << bad;
  }
}

}  // namespace
}  // namespace afterglow::model
