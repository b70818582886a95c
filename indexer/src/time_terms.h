// Date filters as boolean terms. Each message carries the UTC year, month and day of its
// create time as terms; a time span becomes the whole years, months and days it covers, with
// the value slot consulted only for the days it cuts. A search then reads short posting lists
// instead of checking the time value of every candidate (docs/FORMAT.md, docs/PERFORMANCE.md).
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace afterglow::indexer {

// "XT2024", "XT2024-05", "XT2024-05-13" for an instant in 2024-05-13 UTC; none outside the
// years 1000 to 9999.
std::vector<std::string> time_terms(double epoch_seconds);

// Messages whose time lies in [from, until) (either side open), given the earliest and latest
// times in the index (from its value statistics). `slot` holds sortable_serialise(time).
Xapian::Query time_span_query(std::optional<double> from, std::optional<double> until,
                              double earliest, double latest, Xapian::valueno slot);

}  // namespace afterglow::indexer
