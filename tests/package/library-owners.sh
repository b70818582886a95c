#!/usr/bin/env bash
# Prints "SONAME PACKAGE" for every shared library BINARY needs: the library the dynamic loader
# really picks (ldd), and the Debian package that installed it. With merged /usr, dpkg may know
# a library under /lib or under /usr/lib, so both spellings are asked.
# Usage: library-owners.sh BINARY
set -euo pipefail
bin="$1"
mapfile -t needed < <(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
resolved="$(ldd "$bin")"
for soname in "${needed[@]}"; do
  path="$(awk -v so="$soname" '$1 == so && $2 == "=>" { print $3; exit }' <<<"$resolved")"
  if [ -z "$path" ] || [ "$path" = "not" ]; then
    echo "library-owners.sh: $bin needs $soname, which the loader does not find" >&2
    exit 1
  fi
  owner=""
  for candidate in "$path" "/usr${path#/usr}" "${path#/usr}" "$(realpath "$path")" \
    "/usr$(realpath "$path" | sed 's|^/usr||')" "$(realpath "$path" | sed 's|^/usr||')"; do
    owner="$(dpkg-query -S "$candidate" 2>/dev/null | head -n 1 | cut -d: -f1)" || true
    [ -n "$owner" ] && break
  done
  if [ -z "$owner" ]; then
    echo "library-owners.sh: no installed package holds $path ($soname)" >&2
    exit 1
  fi
  echo "$soname $owner"
done
