#!/usr/bin/env bash
# The test suite under AddressSanitizer + UndefinedBehaviorSanitizer (with float-cast-overflow,
# which GCC's "undefined" leaves out; AFTERGLOW_SANITIZE in CMakeLists.txt adds it): any memory
# error, leak or undefined behaviour fails the run. Browser, fuzz and benchmark tests are left to their own runs.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
# -O1, as the sanitizers' documentation recommends: quicker to build and run, readable traces.
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" -DAFTERGLOW_WERROR=ON \
  -DAFTERGLOW_SANITIZE=ON
cmake --build build/asan -j "$jobs"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build/asan --output-on-failure -j "$jobs" --timeout 900 -LE 'browser|fuzz|bench'
