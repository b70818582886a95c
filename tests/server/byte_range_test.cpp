// Range headers, as audio and video players send them.
#include <gtest/gtest.h>

#include "afterglow/server/byte_range.h"

namespace afterglow::server {
namespace {

struct Case {
  const char* header;
  int64_t size;
  RangeStatus status;
  int64_t first, last;
};

TEST(ByteRange, Table) {
  for (const Case& c : std::vector<Case>{
           {"", 100, RangeStatus::whole, 0, 0},
           {"bytes=0-", 100, RangeStatus::partial, 0, 99},
           {"bytes=0-0", 100, RangeStatus::partial, 0, 0},
           {"bytes=10-19", 100, RangeStatus::partial, 10, 19},
           {"bytes=90-500", 100, RangeStatus::partial, 90, 99},
           {"bytes=-10", 100, RangeStatus::partial, 90, 99},
           {"bytes=-500", 100, RangeStatus::partial, 0, 99},
           {" bytes=5-6 ", 100, RangeStatus::partial, 5, 6},
           {"bytes=100-", 100, RangeStatus::unsatisfiable, 0, 0},
           {"bytes=100-200", 100, RangeStatus::unsatisfiable, 0, 0},
           {"bytes=-0", 100, RangeStatus::unsatisfiable, 0, 0},
           {"bytes=0-", 0, RangeStatus::unsatisfiable, 0, 0},
           {"bytes=0-1,5-6", 100, RangeStatus::whole, 0, 0},
           {"bytes=20-10", 100, RangeStatus::whole, 0, 0},
           {"bytes=a-b", 100, RangeStatus::whole, 0, 0},
           {"bytes=-", 100, RangeStatus::whole, 0, 0},
           {"bytes=--5", 100, RangeStatus::whole, 0, 0},
           {"bytes=99999999999999999999-", 100, RangeStatus::whole, 0, 0},
           {"items=0-5", 100, RangeStatus::whole, 0, 0},
       }) {
    RangeRequest r = parse_range(c.header, c.size);
    EXPECT_EQ(r.status, c.status) << c.header;
    if (c.status == RangeStatus::partial) {
      EXPECT_EQ(r.range.first, c.first) << c.header;
      EXPECT_EQ(r.range.last, c.last) << c.header;
    }
  }
}

}  // namespace
}  // namespace afterglow::server
