#!/usr/bin/env bash
# The main job end to end on the bundled example: install, build, import, list, show.
# The archive goes to out/demo.afterglow so a person's own archive is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j "$(nproc 2>/dev/null || echo 2)" --target afterglow
mkdir -p out
export AFTERGLOW_ARCHIVE="$PWD/out/demo.afterglow"
rm -f "$AFTERGLOW_ARCHIVE" "$AFTERGLOW_ARCHIVE"-wal "$AFTERGLOW_ARCHIVE"-shm
bin=build/release/cli/afterglow
set -x
$bin import examples/chatgpt-export.zip
$bin list
$bin show "$($bin list --json --limit 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"
