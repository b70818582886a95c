#!/usr/bin/env bash
# Installs everything afterglow needs to build, test and run on Debian (bookworm or later).
# Used by the README's commands and by .ci/run, so the two never drift apart.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config clang-format
  libarchive-dev libzstd-dev libsqlite3-dev libxapian-dev libsimdjson-dev libssl-dev
  libcli11-dev nlohmann-json3-dev libgtest-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libcpp-httplib-dev
  # Used by tests: the format documentation is checked with the real command-line tools, the
  # example export is made by a Python script, dates are checked in named time zones.
  sqlite3 zstd python3 tzdata
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
