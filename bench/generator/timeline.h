// When things happened: conversation dates over 2023-2026, and which models and export
// features existed at a given date, so a 2023 conversation looks like a 2023 export.
#pragma once

#include <string>
#include <string_view>

#include "generator/json_out.h"
#include "generator/random.h"

namespace afterglow::bench {

namespace dates {
constexpr Micros kSecond = 1000000;
constexpr Micros from_seconds(long long s) { return s * kSecond; }
constexpr Micros kFirst = from_seconds(1673308800);               // 2023-01-10
constexpr Micros kGpt4 = from_seconds(1678752000);                // 2023-03-14
constexpr Micros kBrowsing = from_seconds(1683849600);            // 2023-05-12
constexpr Micros kCustomInstructions = from_seconds(1689811200);  // 2023-07-20
constexpr Micros kVision = from_seconds(1696118400);              // 2023-10-01: uploads, DALL·E 3
constexpr Micros k2024 = from_seconds(1704067200);
constexpr Micros kMemory = from_seconds(1707782400);               // 2024-02-13
constexpr Micros kGpt4o = from_seconds(1715558400);                // 2024-05-13
constexpr Micros kUserEditableContext = from_seconds(1719792000);  // 2024-07-01
constexpr Micros kO1 = from_seconds(1726099200);                   // 2024-09-12
constexpr Micros kSearch = from_seconds(1727740800);  // 2024-10-01: voice, cite markers
constexpr Micros k2025 = from_seconds(1735689600);    // client-created-root, sediment://
constexpr Micros kO3 = from_seconds(1744761600);      // 2025-04-16
constexpr Micros kGpt5 = from_seconds(1754524800);    // 2025-08-07
constexpr Micros kGpt52 = from_seconds(1765411200);   // 2025-12-11
constexpr Micros k2026 = from_seconds(1767225600);
constexpr Micros kLast = from_seconds(1795564800);  // 2026-11-25
}  // namespace dates

// A conversation start: denser towards recent dates, as usage grew.
Micros pick_conversation_start(Rng& rng);
// The model slug a conversation started at `when` most likely used.
std::string_view pick_model(Rng& rng, Micros when);
// o1/o3/o4-mini and the *-thinking models write thoughts and a reasoning recap.
bool is_reasoning_model(std::string_view slug);
// "2025-03-02T10:15:32.123456+00:00", as expiry_datetime fields carry.
std::string iso_datetime(Micros when);

}  // namespace afterglow::bench
