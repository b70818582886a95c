#include "generator/random.h"

#include <cmath>
#include <limits>
#include <numbers>

namespace afterglow::bench {

namespace {

// splitmix64: turns nearby integers (seed, index) into unrelated 64-bit seeds.
std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

std::uint64_t Rng::stream_seed(std::uint64_t seed, std::uint64_t index) {
  return splitmix64(splitmix64(seed) ^ splitmix64(index + 0x632be59bd9b4e019ULL));
}

std::uint64_t Rng::below(std::uint64_t n) {
  // Rejection sampling: drop the top partial bucket so every value is equally likely.
  const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
  const std::uint64_t limit = max - (max % n);
  std::uint64_t x = next();
  while (x >= limit) x = next();
  return x % n;
}

std::int64_t Rng::between(std::int64_t lo, std::int64_t hi) {
  return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
}

double Rng::unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double Rng::normal() {
  const double u1 = 1.0 - unit();  // (0, 1]: log is finite
  const double u2 = unit();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double Rng::log_normal(double median, double sigma) { return median * std::exp(sigma * normal()); }

std::uint64_t Rng::geometric(double mean) {
  if (mean <= 0) return 0;
  const double p = 1.0 / (mean + 1.0);
  const double u = 1.0 - unit();
  return static_cast<std::uint64_t>(std::floor(std::log(u) / std::log1p(-p)));
}

std::size_t Rng::skewed_index(std::size_t n) {
  const double u = unit();
  const auto i = static_cast<std::size_t>(static_cast<double>(n) * u * u);
  return i < n ? i : n - 1;
}

}  // namespace afterglow::bench
