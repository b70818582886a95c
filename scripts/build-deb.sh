#!/usr/bin/env bash
# Builds the Debian package (afterglow_VERSION_ARCH.deb) with CPack and prints its path as the
# last line. Usage: scripts/build-deb.sh [BUILD_DIR]   (default build/deb; an existing build
# folder, e.g. the test suite's build/ci, is reused as it is configured).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build="${1:-build/deb}"
jobs=$(nproc 2>/dev/null || echo 2)

configure=(-DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON)  # cpack packages; it need not build the tests
if [ ! -f "$build/CMakeCache.txt" ]; then
  configure+=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAFTERGLOW_WERROR=ON)
  if command -v ccache >/dev/null 2>&1; then
    configure+=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
fi
cmake -S . -B "$build" "${configure[@]}" >/dev/null
cmake --build "$build" -j "$jobs" --target afterglow_package_files

rm -f "$build"/packages/afterglow_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
debs=("$build"/packages/afterglow_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
  echo "build-deb.sh: cpack made no single afterglow_*.deb in $build/packages" >&2
  exit 1
fi
deb="$(realpath "${debs[0]}")"
# A package without its man page means help2man was missing when the build was configured.
contents="$(dpkg-deb --contents "$deb")"
if ! grep -q ' ./usr/share/man/man1/afterglow.1.gz$' <<<"$contents"; then
  echo "build-deb.sh: $deb has no man page (is help2man installed? reconfigure $build)" >&2
  exit 1
fi
echo "$deb"
