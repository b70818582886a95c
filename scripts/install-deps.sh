#!/usr/bin/env bash
# Installs everything afterglow needs to build, test and run on Debian (bookworm or later).
# Used by the README's commands and by .ci/run, so the two never drift apart.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config clang-format
  libarchive-dev libzstd-dev libsqlite3-dev libxapian-dev libsimdjson-dev libssl-dev
  libcli11-dev nlohmann-json3-dev libgtest-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libcpp-httplib-dev
  # Gemini's Takeout keeps answers as HTML: libxml2's HTML parser reads them (and its page form).
  libxml2-dev
  # The EPUB export's zip (libarchive cannot write the bare first entry EPUB needs).
  libzip-dev
  # Used by tests: the format documentation is checked with the real command-line tools, the
  # example export is made by a Python script, dates are checked in named time zones.
  sqlite3 zstd python3 tzdata
  # The book: KaTeX (math) is installed from the npm registry and embedded at build time; the
  # browser tests drive Debian's headless Chromium; Chinese fonts make their screenshots legible.
  nodejs chromium fonts-noto-cjk
  # The benchmark driver (bench/run_benchmarks.py): peak RSS from GNU time, the zip-reading
  # floor from unzip, ripgrep as one of the "what people do today" baselines.
  time unzip ripgrep
  # The Debian package (scripts/build-deb.sh, scripts/test-deb.sh): CPack's dependency reading
  # (dpkg-shlibdeps), the man page from --help, the desktop entry's validator, the PNG icon from
  # the SVG, and what the test uses to check the installed program.
  dpkg-dev help2man desktop-file-utils librsvg2-bin file man-db curl
  # Translations: xgettext, msgfmt and msgmerge for po/; the tests run the CLI in Chinese and
  # under a locale that writes numbers with a comma.
  gettext locales
  # The EPUB export's tests validate its files with the W3C's checker (Java).
  epubcheck
)
# npm may come with nodejs (NodeSource) rather than as Debian's own package.
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The locales the language tests use, generated when missing (Debian installs none by default).
for name in zh_CN de_DE; do
  if ! locale -a 2>/dev/null | grep -qix "$name.utf-\?8"; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo localedef -i "$name" -f UTF-8 "$name.UTF-8"
  fi
done

# JavaScript packages, exactly as locked: KaTeX for the book, playwright-core for the browser
# tests (which never downloads a browser of its own).
root="$(cd "$(dirname "$0")/.." && pwd)"
for dir in viewer/assets tests/browser; do
  if [ ! -d "$root/$dir/node_modules" ] || [ "$root/$dir/package-lock.json" -nt "$root/$dir/node_modules" ]; then
    (cd "$root/$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  fi
done
