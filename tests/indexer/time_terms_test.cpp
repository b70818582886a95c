// Date filters as calendar terms: the terms a time carries, and spans cut into whole years,
// months and days with the time value checked only on the days they cut, compared with a plain
// check of every time.
#include "time_terms.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <random>
#include <set>

namespace afterglow::indexer {
namespace {

constexpr double kMay13 = 1715558400;  // 2024-05-13T00:00:00Z
constexpr Xapian::valueno kSlot = 0;

TEST(TimeTerms, AnInstantCarriesItsUtcYearMonthAndDay) {
  EXPECT_EQ(time_terms(kMay13 + 3600),
            (std::vector<std::string>{"XT2024", "XT2024-05", "XT2024-05-13"}));
  EXPECT_EQ(time_terms(kMay13 - 1),
            (std::vector<std::string>{"XT2024", "XT2024-05", "XT2024-05-12"}));
  EXPECT_EQ(time_terms(0), (std::vector<std::string>{"XT1970", "XT1970-01", "XT1970-01-01"}));
  EXPECT_TRUE(time_terms(1e12).empty());  // year 33658: a broken time, no terms
  EXPECT_TRUE(time_terms(std::numeric_limits<double>::quiet_NaN()).empty());
}

TEST(TimeTerms, AWholeYearIsOneTermAndALocalYearCutsTwoDays) {
  const double y2024 = 1704067200, y2025 = 1735689600, y2026 = 1767225600;
  EXPECT_EQ(time_span_query(y2024, y2025, 0, y2026, kSlot).get_description(), "Query(XT2024)");
  // 2024 in Asia/Shanghai: from 16:00 UTC on the last day of 2023 to 16:00 UTC on the last day
  // of 2024.
  const auto local = time_span_query(y2024 - 8 * 3600, y2025 - 8 * 3600, 0, y2026, kSlot);
  const std::string text = local.get_description();
  EXPECT_NE(text.find("XT2023-12-31 FILTER VALUE_RANGE"), std::string::npos) << text;
  EXPECT_NE(text.find("XT2024-01 OR"), std::string::npos) << text;
  EXPECT_NE(text.find("XT2024-11 OR XT2024-12-01"), std::string::npos) << text;
  EXPECT_NE(text.find("XT2024-12-31 FILTER VALUE_RANGE"), std::string::npos) << text;
  EXPECT_EQ(text.find("XT2024 "), std::string::npos) << text;
}

TEST(TimeTerms, OpenSpansStopAtTheTimesTheIndexHolds) {
  const double latest = kMay13 + 100;
  // after:2024-05-13 with nothing newer than that day: one day, not the rest of the year.
  EXPECT_EQ(time_span_query(kMay13, std::nullopt, 0, latest, kSlot).get_description(),
            "Query(XT2024-05-13)");
  // before:2025 over messages of 2024 only: the year, not every day of it.
  const double y2024 = 1704067200, y2025 = 1735689600;
  EXPECT_EQ(
      time_span_query(std::nullopt, y2025, y2024 + 86400 * 40, latest, kSlot).get_description(),
      "Query(XT2024)");
  EXPECT_EQ(time_span_query(latest + 1, std::nullopt, 0, latest, kSlot).get_description(),
            Xapian::Query(Xapian::Query::MatchNothing).get_description());
  EXPECT_EQ(time_span_query(std::nullopt, y2024, y2024 + 5, latest, kSlot).get_description(),
            Xapian::Query(Xapian::Query::MatchNothing).get_description());
}

TEST(TimeTerms, BrokenTimesInTheIndexBoundNothing) {
  // A message dated in year 33658 or before year 1000 gives the index absurd bounds; the spans
  // still cover only the years with terms (and nothing overflows on the way).
  const double y2024 = 1704067200, y2025 = 1735689600;
  EXPECT_EQ(time_span_query(y2024, y2025, -1e300, 1e300, kSlot).get_description(), "Query(XT2024)");
  // Up to year 9999: one range over the time values rather than 7,976 year terms.
  const std::string open = time_span_query(y2024, std::nullopt, 0, 1e300, kSlot).get_description();
  EXPECT_NE(open.find("VALUE_RANGE 0"), std::string::npos) << open;
  EXPECT_EQ(open.find("XT"), std::string::npos) << open;
  // Forty years are still terms.
  const std::string forty =
      time_span_query(y2024, std::nullopt, 0, y2024 + 40 * 365.25 * 86400, kSlot).get_description();
  EXPECT_NE(forty.find("XT2024 OR XT2025"), std::string::npos) << forty;
  EXPECT_EQ(time_span_query(y2024, std::nullopt, 1e200, 1e300, kSlot).get_description(),
            Xapian::Query(Xapian::Query::MatchNothing).get_description());
  EXPECT_EQ(time_span_query(std::nullopt, y2024, -1e300, -1e200, kSlot).get_description(),
            Xapian::Query(Xapian::Query::MatchNothing).get_description());
}

// Random times, many on or next to a boundary, and random spans: the terms find exactly the
// messages a comparison of every time finds.
TEST(TimeTerms, SpansMatchExactlyWhatTheTimesSay) {
  std::mt19937_64 rng(20240513);
  const double start = 1672531200;  // 2023-01-01Z
  const double length = 3 * 365 * 86400.0;
  std::vector<double> times;
  for (int i = 0; i < 600; ++i) {
    double t = start + std::uniform_real_distribution<double>(0, length)(rng);
    if (i % 3 == 0) t = std::floor(t / 86400) * 86400 + (i % 2 ? 0 : -0.5);  // at midnight
    if (i % 7 == 0) t = std::floor(t / 86400) * 86400 + 16 * 3600;           // midnight in UTC+8
    times.push_back(t);
  }
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (double t : times) {
    Xapian::Document doc;
    for (const auto& term : time_terms(t)) doc.add_boolean_term(term);
    doc.add_value(kSlot, Xapian::sortable_serialise(t));
    db.add_document(doc);
  }
  const double earliest = *std::min_element(times.begin(), times.end());
  const double latest = *std::max_element(times.begin(), times.end());
  for (int round = 0; round < 300; ++round) {
    std::optional<double> from, until;
    auto pick = [&] {
      // A time of a message, a midnight in UTC or UTC+8, or anywhere.
      const double t = times[rng() % times.size()];
      switch (rng() % 3) {
        case 0:
          return t;
        case 1:
          return std::floor(t / 86400) * 86400 - (rng() % 2 ? 8 * 3600 : 0);
        default:
          return start - 86400 + std::uniform_real_distribution<double>(0, length + 2 * 86400)(rng);
      }
    };
    if (rng() % 4 != 0) from = pick();
    if (rng() % 4 != 0) until = pick();
    std::set<Xapian::docid> expected;
    for (size_t i = 0; i < times.size(); ++i) {
      if ((!from || times[i] >= *from) && (!until || times[i] < *until)) {
        expected.insert(static_cast<Xapian::docid>(i + 1));
      }
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(time_span_query(from, until, earliest, latest, kSlot));
    std::set<Xapian::docid> found;
    for (auto it = enquire.get_mset(0, db.get_doccount()).begin(); it != Xapian::MSetIterator();
         ++it) {
      found.insert(*it);
    }
    EXPECT_EQ(found, expected) << "from " << (from ? std::to_string(*from) : "-") << " until "
                               << (until ? std::to_string(*until) : "-");
  }
}

}  // namespace
}  // namespace afterglow::indexer
