// The numbers an export gives for times, sizes, pixel dimensions and durations are untrusted:
// -1.5e308, 1e300 or a negative size would reach float-to-integer conversions downstream, whose
// result is undefined. They are checked here, once, as they enter the archive.
#pragma once

#include <cstdint>
#include <optional>

#include "afterglow/model/conversation.h"

namespace afterglow::importer {

// A count from a JSON number (bytes, pixels): the number when it is finite and within
// [0, max], else nullopt ("unknown"). Fractions are cut, as the export never gives them.
// `max` is at most 2^53, so that it converts to double exactly.
std::optional<int64_t> whole_number(std::optional<double> value, int64_t max);

// The longest duration kept for a clip, in seconds (a week: far beyond any voice message).
inline constexpr double kMaxDurationSeconds = 7 * 24 * 3600.0;

// Sets every time of the conversation and of its messages that is outside the representable
// span (model::representable_time) to unknown, and every attachment duration that is not a
// finite number of seconds in [0, kMaxDurationSeconds] to 0 (unknown); returns how many times
// were dropped, for the import's warning. The raw JSON keeps the numbers as exported.
int64_t drop_unrepresentable_times(model::Conversation& conversation);

}  // namespace afterglow::importer
