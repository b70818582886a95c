#!/usr/bin/env bash
# THIRD-PARTY-NOTICES.md covers what the program really contains: the Debian source package of
# every shared library it links (but the C and C++ runtime, part of the system), and every
# package whose files are embedded into the program and into the books it writes.
# Usage: notices_test.sh BINARY embedded_assets.list THIRD-PARTY-NOTICES.md
set -euo pipefail
bin="$1"
embedded="$2"
notices="$3"
fail() {
  echo "notices: $*" >&2
  exit 1
}
# The table's last column: the Debian source package, or "(npm)".
table_packages="$(awk -F'|' '/^\| / && NF > 6 {gsub(/ /, "", $6); print $6}' "$notices")"
system_runtime="glibc gcc-12 gcc-13 gcc-14"
count=0
owners="$(bash "$(dirname "$0")/library-owners.sh" "$bin")"
while read -r soname binary_package; do
  source_package="$(dpkg-query -W -f='${source:Package}' "$binary_package")"
  case " $system_runtime " in *" $source_package "*) continue ;; esac
  grep -qxF "$source_package" <<<"$table_packages" ||
    fail "$soname (Debian source package $source_package) is linked but not in $notices"
  count=$((count + 1))
done <<<"$owners"

# Embedded files come from npm packages in viewer/assets/node_modules: each package by name,
# with the licence its package.json declares, and fonts under the fonts' own licence.
declare -A licences
while IFS='=' read -r name file; do
  [ -n "$name" ] || continue
  case "$file" in
    */node_modules/*)
      package_dir="${file%%/node_modules/*}/node_modules/$(sed 's|.*/node_modules/\([^/]*\)/.*|\1|' <<<"$file")"
      package="$(basename "$package_dir")"
      if [ -z "${licences[$package]:-}" ]; then
        licences[$package]="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["license"])' \
          "$package_dir/package.json")"
      fi
      licence="${licences[$package]}"
      row="$(grep -iE "^\| \[?$package\]?[ (]" "$notices" | head -n 1)" || true
      [ -n "$row" ] || fail "$name is embedded from npm package $package, which $notices lacks"
      grep -qF "| $licence |" <<<"$row" || fail "$notices gives $package another licence than $licence"
      if [[ "$name" == *.woff2 ]]; then
        grep -qiE "^\| $package fonts .*SIL Open Font License 1.1" "$notices" ||
          fail "$name is an embedded font; $notices has no row for $package's fonts"
      fi
      count=$((count + 1))
      ;;
  esac
done <"$embedded"
echo "notices: $count linked libraries and embedded files covered"
