#!/usr/bin/env bash
# The generated afterglow(1) holds a section for every subcommand the program lists, each with
# every option of that subcommand's --help, and man renders it without a warning.
# Usage: manpage_test.sh BINARY afterglow.1.gz
set -euo pipefail
bin="$1"
page="$2"
export LC_ALL=C.UTF-8 LANGUAGE=''
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
zcat "$page" >"$work/afterglow.1"
MANWIDTH=100 man --warnings -l "$work/afterglow.1" 2>"$work/warnings" | col -b >"$work/page.txt"
if [ -s "$work/warnings" ]; then
  echo "man warns about $page:" >&2
  cat "$work/warnings" >&2
  exit 1
fi
grep -q "^afterglow(1)\|^AFTERGLOW(1)" "$work/page.txt" || { echo "$page: no afterglow(1) header" >&2; exit 1; }
# Text beyond ASCII (the Chinese example) survives help2man, which reads in a locale of its own.
while read -r line; do
  grep -qF -- "$line" "$work/afterglow.1" || { echo "$page lost the line: $line" >&2; exit 1; }
done < <(grep -P '[^\x00-\x7F]' "$(dirname "$0")/../../packaging/manpage.h2m")
version="$("$bin" --version)"
grep -qF "$version" "$work/page.txt" || { echo "$page does not name $version" >&2; exit 1; }
mapfile -t subcommands < <(bash "$(dirname "$0")/../../packaging/list-subcommands.sh" "$bin")
[ ${#subcommands[@]} -gt 0 ] || { echo "$bin --help lists no subcommands" >&2; exit 1; }
checked=0
for sub in "${subcommands[@]}"; do
  # The rendered section: from its heading to the next one.
  awk -v head="   afterglow $sub" '$0 == head {on = 1; next} on && /^   afterglow [a-z]+$/ {on = 0}
                                    on && /^[A-Z]/ {on = 0} on' "$work/page.txt" >"$work/section"
  [ -s "$work/section" ] || { echo "$page: no section for afterglow $sub" >&2; exit 1; }
  while read -r option; do
    grep -qF -- "$option" "$work/section" ||
      { echo "$page: afterglow $sub section lacks $option" >&2; exit 1; }
    checked=$((checked + 1))
  done < <("$bin" "$sub" --help | grep -oE '^ +(-[a-zA-Z],)?--[a-z][a-z-]*' | grep -oE -- '--[a-z-]+')
done
echo "afterglow(1): ${#subcommands[@]} subcommands, $checked options, no warnings"
