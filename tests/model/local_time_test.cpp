#include "afterglow/model/local_time.h"

#include <gtest/gtest.h>

#include "afterglow/platform/platform.h"

#include <cstdlib>
#include <ctime>
#include <limits>

namespace afterglow::model {
namespace {

// Sets TZ for one test and restores it, so dates are checked in a zone that is not UTC.
class ZoneGuard {
 public:
  explicit ZoneGuard(const char* zone) {
    if (const char* old = std::getenv("TZ")) old_ = old;
    platform::set_time_zone(zone);
  }
  ~ZoneGuard() { platform::set_time_zone(old_); }

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

// Numbers an export may hold for a time but no calendar can: never converted to time_t (that
// conversion is undefined behaviour outside its range, caught by -fsanitize=float-cast-overflow).
TEST(LocalTime, TimesOutsideTheCalendarAreNotConverted) {
  ZoneGuard zone("Asia/Shanghai");
  for (double hostile :
       {-1.5e308, 1e300, std::numeric_limits<double>::quiet_NaN(),
        std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
        kLatestTime + 1, kEarliestTime - 1}) {
    EXPECT_FALSE(representable_time(hostile)) << hostile;
    EXPECT_EQ(format_local(hostile, "%Y-%m-%d %H:%M"), "") << hostile;
    EXPECT_EQ(local_year(hostile), 0) << hostile;
  }
  EXPECT_TRUE(representable_time(0));
  EXPECT_TRUE(representable_time(kLatestTime));
  EXPECT_EQ(format_local(1715601340.753261, "%Y-%m-%d %H:%M"), "2024-05-13 19:55");
  EXPECT_EQ(local_year(32503680000.0), 3000);  // 3000-01-02, within every C runtime's reach
  // The last days of the calendar are beyond Windows' C runtime: unknown there, never wrong.
  const int last = local_year(kLatestTime - 86400);
  EXPECT_TRUE(last == 9999 || last == 0) << last;
}

}  // namespace
}  // namespace afterglow::model
