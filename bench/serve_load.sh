#!/usr/bin/env bash
# Search under concurrent load on `afterglow serve`: requests per second and p99 latency on a
# generated archive (20,000 conversations by default), over loopback, bounded in time.
#   bench/serve_load.sh BUILD_DIR [CONVERSATIONS] [SECONDS] [CONNECTIONS]
# The export and archive are made once in $AFTERGLOW_BENCH_DIR (default /tmp/afterglow-serve-bench)
# and reused; the server runs with its default 8 threads.
set -euo pipefail

build=${1:?usage: bench/serve_load.sh BUILD_DIR [CONVERSATIONS] [SECONDS] [CONNECTIONS]}
conversations=${2:-20000}
seconds=${3:-10}
connections=${4:-8}
work=${AFTERGLOW_BENCH_DIR:-/tmp/afterglow-serve-bench}/$conversations
afterglow=$build/cli/afterglow
mkdir -p "$work"
export TZ=${TZ:-Asia/Shanghai}

if [ ! -f "$work/archive.afterglow" ]; then
  "$build/bench/afterglow-genexport" --seed 42 --conversations "$conversations" --out "$work/export.zip"
  /usr/bin/time -f "import: %e s, %M KB peak" "$afterglow" --archive "$work/archive.afterglow" import "$work/export.zip" >/dev/null
  rm -f "$work/export.zip"
fi

"$afterglow" --archive "$work/archive.afterglow" serve --port 0 >"$work/serve.out" 2>"$work/serve.err" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  grep -q "serving" "$work/serve.out" 2>/dev/null && break
  sleep 0.1
done
port=$(sed -n 's|^afterglow: serving http://127.0.0.1:\([0-9]*\)/$|\1|p' "$work/serve.out")
[ -n "$port" ] || { cat "$work/serve.err"; exit 1; }

echo "archive: $conversations conversations, $(du -h "$work/archive.afterglow" | cut -f1)"
for engine in xapian fts5; do
  "$build/bench/afterglow-serve-load" --port "$port" --seconds "$seconds" \
    --connections "$connections" --engine "$engine"
done
"$build/bench/afterglow-serve-load" --port "$port" --seconds "$seconds" \
  --connections "$connections" --path /search
