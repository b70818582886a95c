#!/usr/bin/env bash
# The whole test suite: dependencies, a warnings-as-errors build, format check, every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build/ci -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAFTERGLOW_WERROR=ON
cmake --build build/ci -j "$jobs"
bash scripts/check-format.sh
ctest --test-dir build/ci --output-on-failure -j "$jobs" --timeout 600
