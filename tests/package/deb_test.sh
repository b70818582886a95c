#!/usr/bin/env bash
# ctest's package_deb: the .deb of this build (cpack), then scripts/test-deb.sh on it.
# Usage: deb_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$(realpath "$1")"
source="$2"
rm -f "$build"/packages/afterglow_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
debs=("$build"/packages/afterglow_*.deb)
[ -f "${debs[0]}" ] || { echo "deb_test.sh: cpack made no package in $build/packages" >&2; exit 1; }
exec bash "$source/scripts/test-deb.sh" "${debs[0]}"
