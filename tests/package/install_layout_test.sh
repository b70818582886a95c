#!/usr/bin/env bash
# `cmake --install` of this build into an empty folder lays out what the package will hold:
# the program, the man page, a valid desktop entry starting that program, the icon, the documents.
# Usage: install_layout_test.sh BUILD_DIR
set -euo pipefail
build="$1"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
fail() {
  echo "install layout: $*" >&2
  exit 1
}
cmake --install "$build" --prefix "$prefix" >/dev/null
cache_has() { grep -q "^$1:FILEPATH=/" "$build/CMakeCache.txt"; }

[ -x "$prefix/bin/afterglow" ] || fail "no bin/afterglow"
"$prefix/bin/afterglow" --version >/dev/null || fail "the installed program does not run"
if cache_has AFTERGLOW_HELP2MAN; then
  zcat "$prefix/share/man/man1/afterglow.1.gz" | grep -q '^\.TH AFTERGLOW "1"' ||
    fail "share/man/man1/afterglow.1.gz is not afterglow(1)"
fi
desktop="$prefix/share/applications/afterglow.desktop"
[ -f "$desktop" ] || fail "no share/applications/afterglow.desktop"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate rejects $desktop"
fi
exec_program="$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")"
[ -x "$prefix/bin/$exec_program" ] || fail "Exec=$exec_program is not the installed program"
for key in 'Name\[zh_CN\]' 'Comment\[zh_CN\]'; do
  grep -q "^$key=." "$desktop" || fail "$desktop has no $key"
done
icon="$(sed -n 's/^Icon=//p' "$desktop")"
[ -f "$prefix/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "no scalable icon $icon.svg"
if cache_has AFTERGLOW_RSVG_CONVERT; then
  file --brief "$prefix/share/icons/hicolor/256x256/apps/$icon.png" |
    grep -q 'PNG image data, 256 x 256' || fail "no 256 px PNG icon"
fi
for f in README.md LICENSE CHANGELOG.md THIRD-PARTY-NOTICES.md copyright; do
  [ -s "$prefix/share/doc/afterglow/$f" ] || fail "no share/doc/afterglow/$f"
done
grep -q '^Comment: SPDX-License-Identifier: GPL-3.0-or-later$' "$prefix/share/doc/afterglow/copyright" ||
  fail "share/doc/afterglow/copyright does not name the licence"
echo "install layout: $(find "$prefix" -type f | wc -l) files in place"
