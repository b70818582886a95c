// The generator's only source of randomness. std::mt19937_64 is specified exactly by the C++
// standard, but the std:: distributions are not (libstdc++ and libc++ give different numbers), so
// the few distributions the generator needs are implemented here on top of the raw engine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <span>

namespace afterglow::bench {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}

  // A seed for the index-th independent stream of an export seeded with `seed`, so that each
  // conversation depends only on (seed, index) and a smaller export is a prefix of a bigger one.
  static std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t index);

  std::uint64_t next() { return engine_(); }
  // Uniform in [0, n); n must be > 0.
  std::uint64_t below(std::uint64_t n);
  // Uniform in [lo, hi], both inclusive.
  std::int64_t between(std::int64_t lo, std::int64_t hi);
  // Uniform in [0, 1) with 53 bits of precision.
  double unit();
  bool chance(double probability) { return unit() < probability; }
  // Standard normal (Box-Muller).
  double normal();
  // Log-normal with the given median and shape: lengths of texts, gaps between messages.
  double log_normal(double median, double sigma);
  // Number of failures before the first success of a trial with this mean (>= 0).
  std::uint64_t geometric(double mean);
  // An index in [0, n) skewed towards 0 (density ~ 1/sqrt(x)): lists are ordered most common
  // first, which gives word frequencies a long tail like real text.
  std::size_t skewed_index(std::size_t n);

  template <typename T>
  const T& pick(std::span<const T> items) {
    return items[below(items.size())];
  }
  template <typename T>
  const T& pick_skewed(std::span<const T> items) {
    return items[skewed_index(items.size())];
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace afterglow::bench
