#!/usr/bin/env bash
# The main job end to end on the bundled example: install, build, import, list, show, search, book.
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
$bin show aa06b67a          # 工作压力和睡不着: a regenerated answer, shown as ‹ 2 / 2 ›
$bin search 压力
$bin search "model:gpt-4o Kyoto"
rm -rf out/book
$bin book --out out/book --title "Lin's years with ChatGPT" --dedication "For the nights I could not sleep, and the mornings after."
set +x
echo "The book: file://$PWD/out/book/index.html (open it in any browser; it needs no network)"
