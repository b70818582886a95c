#!/usr/bin/env bash
# Tests the Debian package the way a user meets it: installs it into this system with apt-get,
# runs the INSTALLED /usr/bin/afterglow on the bundled example (import, list, search, serve and
# an HTTP request), opens the man page, validates the desktop entry, then purges the package and
# checks that none of its files is left. Needs root: it changes the system, and puts it back even
# when a check fails half-way.
# Usage: scripts/test-deb.sh [PACKAGE.deb]   (without one, scripts/build-deb.sh builds it)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 TZ=UTC

if [ "$(id -u)" -ne 0 ]; then
  echo "test-deb.sh: skipped: installing a package needs root"
  exit 77
fi
if dpkg-query -W -f='${Status}' afterglow 2>/dev/null | grep -q 'install ok installed'; then
  echo "test-deb.sh: a package named afterglow is already installed; remove it first" \
    "(apt-get purge afterglow) so that this test does not replace it" >&2
  exit 1
fi

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
passed=0
ok() {
  passed=$((passed + 1))
  echo "ok: $*"
}
fail() {
  echo "FAIL: $*" >&2
  echo "$passed passed, 1 failed"
  exit 1
}

work="$(mktemp -d)"
installed=0
server_pid=""
cleanup() {
  local status=$?
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  if [ "$installed" = 1 ]; then
    echo "test-deb.sh: removing the package after a failure"
    apt-get purge -y -qq afterglow >/dev/null 2>&1 || dpkg --purge afterglow >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap "exit 130" INT
trap "exit 143" TERM HUP  # an interrupted run cleans up too

t_start=$(now)
if [ $# -ge 1 ]; then
  deb="$(realpath "$1")"
else
  deb="$(bash scripts/build-deb.sh | tail -n 1)"
fi
t_built=$(now)
[ -f "$deb" ] || fail "no package at $deb"

# The package's name carries the one version: CMake's project version, which --version prints.
version="$(dpkg-deb --field "$deb" Version)"
arch="$(dpkg --print-architecture)"
[ "$(basename "$deb")" = "afterglow_${version}_${arch}.deb" ] ||
  fail "$(basename "$deb") is not named afterglow_${version}_${arch}.deb"
project_version="$(sed -n 's/^project(afterglow VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)"
[ "$version" = "$project_version" ] || fail "package version $version, CMakeLists.txt says $project_version"
ok "package afterglow_${version}_${arch}.deb"

installed=1
apt-get install -y -qq "$deb" >"$work/apt-install.log" 2>&1 || {
  cat "$work/apt-install.log" >&2
  fail "apt-get install $deb"
}
t_installed=$(now)
dpkg-query -L afterglow >"$work/package-files"
ok "installed with apt-get in $(seconds "$t_built" "$t_installed") s"

bin=/usr/bin/afterglow
[ -x "$bin" ] || fail "$bin is not installed"
[ "$("$bin" --version)" = "afterglow $version" ] || fail "$bin --version: $("$bin" --version)"
ok "$bin --version: afterglow $version"

# Every shared library the program needs is a declared dependency (dpkg-shlibdeps).
depends="$(dpkg-deb --field "$deb" Depends)"
depends_names="$(tr ',|' '\n\n' <<<"$depends" | awk '{print $1}')"
owners="$(bash tests/package/library-owners.sh "$bin")" || fail "the libraries of $bin"
while read -r soname owner; do
  grep -qxF "$owner" <<<"$depends_names" ||
    fail "Depends lacks $owner (for $soname): $depends"
done <<<"$owners"
ok "Depends names the package of every shared library: $depends"

# The installed program on the bundled example, in an archive of its own.
export HOME="$work/home" AFTERGLOW_ARCHIVE="$work/archive.afterglow"
mkdir -p "$HOME"
"$bin" import "$root/examples/chatgpt-export.zip" >"$work/import.out" 2>&1 ||
  fail "import: $(cat "$work/import.out")"
ok "import examples/chatgpt-export.zip"

# What the export holds, read independently of afterglow.
python3 - "$root/examples/chatgpt-export.zip" >"$work/expected.json" <<'PY'
import json, sys, zipfile
conversations = json.loads(zipfile.ZipFile(sys.argv[1]).read("conversations.json"))
texts = {}
for c in conversations:
    for node_id, node in (c.get("mapping") or {}).items():
        message = node.get("message") or {}
        parts = (message.get("content") or {}).get("parts") or []
        texts[node_id] = "".join(p for p in parts if isinstance(p, str))
print(json.dumps({"ids": sorted(c.get("conversation_id") or c["id"] for c in conversations),
                  "titles": [c.get("title") or "" for c in conversations], "texts": texts}))
PY
"$bin" list --json >"$work/list.json" || fail "list --json"
"$bin" list >"$work/list.txt" || fail "list"
python3 - "$work/expected.json" "$work/list.json" "$work/list.txt" <<'PY' || fail "list"
import json, sys
expected = json.load(open(sys.argv[1]))
listed = json.load(open(sys.argv[2]))
text = open(sys.argv[3], encoding="utf-8").read()
ids = sorted(c["id"] for c in listed)
assert ids == expected["ids"], f"list --json ids {ids} != the export's {expected['ids']}"
missing = [t for t in expected["titles"] if t and t not in text]
assert not missing, f"list does not show {missing}"
PY
ok "list: the export's $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$work/list.json") conversations"

"$bin" search 压力 --json >"$work/search.json" || fail "search 压力 --json"
"$bin" search 压力 >"$work/search.txt" || fail "search 压力"
python3 - "$work/expected.json" "$work/search.json" "$work/search.txt" <<'PY' || fail "search 压力"
import json, sys
expected = json.load(open(sys.argv[1]))
found = json.load(open(sys.argv[2]))
assert found["hits"], "search 压力 found nothing"
for hit in found["hits"]:
    assert "压力" in expected["texts"].get(hit["node"], ""), f"hit {hit['node']} does not hold 压力"
    assert "压力" in hit["snippet"], f"snippet without 压力: {hit['snippet']}"
text = open(sys.argv[3], encoding="utf-8").read()
assert all(h["title"] in text for h in found["hits"]), "the text output lacks a hit's title"
PY
ok "search 压力: $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["hits"]))' "$work/search.json") hits, each in a message that holds it"

# serve on a free loopback port (the server picks it) and answer HTTP requests.
"$bin" serve --port 0 >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url="$(sed -n 's/^afterglow: serving \(http:[^ ]*\)$/\1/p' "$work/serve.out")"
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || fail "serve exited: $(cat "$work/serve.err")"
  sleep 0.1
done
[ -n "$url" ] || fail "serve printed no address: $(cat "$work/serve.out" "$work/serve.err")"
case "$url" in http://127.0.0.1:*) ;; *) fail "serve listens on $url, not the loopback address" ;; esac
curl -fsS --max-time 10 "$url" >"$work/index.html" || fail "GET $url"
grep -q '<html' "$work/index.html" || fail "GET $url is not a page"
curl -fsS --max-time 10 "${url}api/conversations" >"$work/api.json" || fail "GET ${url}api/conversations"
python3 - "$work/list.json" "$work/api.json" <<'PY' || fail "the API and list --json differ"
import json, sys
listed = json.load(open(sys.argv[1]))
api = json.load(open(sys.argv[2]))
api = api.get("conversations", api) if isinstance(api, dict) else api
assert sorted(c["id"] for c in api) == sorted(c["id"] for c in listed)
PY
kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=""
ok "serve: $url answered / and /api/conversations"

# The man page: found by man, one section per subcommand the installed program has.
page="$(man -w afterglow)" || fail "man -w afterglow finds no page"
grep -qxF "$page" "$work/package-files" || fail "man -w afterglow found $page, not the package's"
mapfile -t subcommands < <(bash packaging/list-subcommands.sh "$bin")
[ ${#subcommands[@]} -gt 0 ] || fail "$bin --help lists no subcommands"
zcat "$page" >"$work/afterglow.1" || fail "zcat $page"
MANWIDTH=100 man -l "$work/afterglow.1" 2>"$work/man.err" | col -b >"$work/man.txt"
[ ! -s "$work/man.err" ] || fail "man reports: $(cat "$work/man.err")"
for sub in "${subcommands[@]}"; do
  grep -qxF ".SS \"afterglow $sub\"" "$work/afterglow.1" || fail "the man page has no section for $sub"
  grep -q "^   afterglow $sub\$" "$work/man.txt" || fail "the rendered man page lacks afterglow $sub"
done
ok "man afterglow: $page, sections for ${subcommands[*]}"

# The desktop entry and its icon.
desktop=/usr/share/applications/afterglow.desktop
desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"
exec_line="$(sed -n 's/^Exec=//p' "$desktop")"
[ "$(command -v "${exec_line%% *}")" = "$bin" ] || fail "Exec=$exec_line does not start $bin"
for key in 'Name\[zh_CN\]' 'Comment\[zh_CN\]'; do
  grep -q "^$key=." "$desktop" || fail "$desktop has no $key"
done
icon=/usr/share/icons/hicolor/scalable/apps/afterglow.svg
file --brief "$icon" | grep -q 'SVG' || fail "$icon is not an SVG image"
png=/usr/share/icons/hicolor/256x256/apps/afterglow.png
if grep -qxF "$png" "$work/package-files"; then
  file --brief "$png" | grep -q 'PNG image data, 256 x 256' || fail "$png is not a 256 px PNG"
fi
exec_subcommand="$(awk '{print $2}' <<<"$exec_line")"
if [ -n "$exec_subcommand" ] && ! grep -qxF "$exec_subcommand" <<<"$(printf '%s\n' "${subcommands[@]}")"; then
  echo "note: the desktop entry starts 'afterglow $exec_subcommand', which this build does not have yet"
fi
ok "desktop entry valid (Exec=$exec_line), icon installed"

# The documents, and every message catalog the build made (po/ installs them).
doc=/usr/share/doc/afterglow
for f in README.md LICENSE CHANGELOG.md THIRD-PARTY-NOTICES.md copyright; do
  [ -s "$doc/$f" ] || fail "$doc/$f is missing"
done
cmp -s "$doc/LICENSE" LICENSE || fail "$doc/LICENSE differs from LICENSE"
for mo in "$(dirname "$(dirname "$deb")")"/locale/*/LC_MESSAGES/afterglow.mo; do
  [ -f "$mo" ] || continue
  lang="$(basename "$(dirname "$(dirname "$mo")")")"
  grep -qxF "/usr/share/locale/$lang/LC_MESSAGES/afterglow.mo" "$work/package-files" ||
    fail "the build's $lang catalog is not in the package"
done
ok "$doc holds README, LICENSE, CHANGELOG, notices and copyright"

# Purge: nothing of the package may be left behind.
t_checked=$(now)
apt-get purge -y -qq afterglow >"$work/apt-purge.log" 2>&1 || {
  cat "$work/apt-purge.log" >&2
  fail "apt-get purge afterglow"
}
installed=0
t_removed=$(now)
if dpkg-query -W -f='${Status}' afterglow 2>/dev/null | grep -q 'installed'; then
  fail "dpkg still knows afterglow after purge"
fi
left=()
while read -r f; do
  # Directories such as /usr/share are shared with other packages; files are the package's own.
  if [ -e "$f" ] && [ ! -d "$f" ]; then left+=("$f"); fi
done <"$work/package-files"
[ ${#left[@]} -eq 0 ] || fail "left after purge: ${left[*]}"
ok "purged in $(seconds "$t_checked" "$t_removed") s; none of its $(grep -c . "$work/package-files") paths' files is left"

echo "test-deb.sh: build $(seconds "$t_start" "$t_built") s, install $(seconds "$t_built" "$t_installed") s," \
  "checks $(seconds "$t_installed" "$t_checked") s, purge $(seconds "$t_checked" "$t_removed") s," \
  "total $(seconds "$t_start" "$t_removed") s"
echo "$passed passed, 0 failed"
