#!/usr/bin/env bash
# Cross-builds afterglow for 64-bit Windows with Debian's mingw-w64 toolchain and packs
# afterglow-VERSION-windows-x64.zip (docs/WINDOWS.md).
#
#   bash scripts/build-windows.sh            # build dir: build-windows
#   BUILD_DIR=out bash scripts/build-windows.sh
#
# Every library afterglow links is built from Debian's own source packages (apt-get source) or
# taken from Debian's mingw-w64 packages, once, into a folder outside the clone:
# $AFTERGLOW_WINDOWS_CACHE (default /var/cache/afterglow-windows)/deps-KEY, KEY a hash of the
# toolchain's and mingw zlib's versions. A later run uses that folder as it is, and builds only a
# library that is missing, whose Debian version changed or whose recipe below changed (each
# library's stamp holds a hash of both), so adding a library builds that one alone. Each
# library's build log is deps-KEY/logs/NAME.log.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${AFTERGLOW_WINDOWS_CACHE:-/var/cache/afterglow-windows}"
build_dir="${BUILD_DIR:-$root/build-windows}"
host=x86_64-w64-mingw32
jobs="${JOBS:-2}"

log() { printf 'build-windows: %s\n' "$*" >&2; }
die() {
  log "$*"
  exit 1
}

# --- what the build needs from apt ----------------------------------------------------------

packages=(
  g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64
  libz-mingw-w64-dev cmake ninja-build pkg-config make perl dpkg-dev xz-utils zip gettext
  # SQLite's amalgamation (sqlite3.c) is generated from its sources with Tcl.
  tcl
  # Header-only libraries used straight from their Debian packages.
  libcli11-dev nlohmann-json3-dev
  # The tests run under Wine; scripts/test-windows.sh talks to the server with curl and reads
  # JSON with Python.
  wine64 curl python3
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
export DEBIAN_FRONTEND=noninteractive
apt_updated=no
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq
  apt_updated=yes
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# apt-get source needs deb-src entries: the system's Debian sources, as source.
src_list=/etc/apt/sources.list.d/afterglow-deb-src.sources
if [ ! -f "$src_list" ]; then
  [ -f /etc/apt/sources.list.d/debian.sources ] ||
    die "/etc/apt/sources.list.d/debian.sources not found: cannot add the deb-src entries"
  sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources >"$src_list"
  apt_updated=no
fi
if [ "$apt_updated" = no ] && ! apt-cache showsrc --only-source xapian-core 2>/dev/null | grep -q '^Version:'; then
  apt-get update -qq
fi

# --- the dependencies' versions, and their folder -----------------------------------------

sources="$cache/sources"
mkdir -p "$sources"
declare -A version
# The newest version apt knows whose files can be had: already downloaded, or fetched now (a
# mirror may list a security update it does not serve yet).
fetch_source() {
  local pkg=$1 v
  for v in $(apt-cache showsrc --only-source "$pkg" | awk '/^Version:/{print $2}' | sort -Vr -u); do
    local dsc="$sources/${pkg}_${v#*:}.dsc"
    if [ -f "$dsc" ] || (cd "$sources" && apt-get source -qq --download-only "$pkg=$v" >/dev/null 2>&1 && [ -f "$dsc" ]); then
      version[$pkg]=$v
      return
    fi
  done
  die "no version of the Debian source package $pkg could be downloaded"
}
source_packages=(zlib-mingw-w64 libzstd sqlite3 libarchive libzip xapian-core openssl cmark-gfm
  simdjson googletest gettext cpp-httplib libxml2)
toolchain_version=$(dpkg-query -W -f='${Version}' g++-mingw-w64-x86-64-posix)
zlib_version=$(dpkg-query -W -f='${Version}' libz-mingw-w64-dev)
manifest="g++-mingw-w64-x86-64-posix $toolchain_version"$'\n'"libz-mingw-w64-dev $zlib_version"
# Everything in the folder is built with this toolchain: a new toolchain starts a new folder.
key=$(printf '%s\n' "$manifest" | sha256sum | cut -c1-16)
for pkg in "${source_packages[@]:1}"; do
  fetch_source "$pkg"
  manifest+=$'\n'"$pkg ${version[$pkg]}"
done
deps="$cache/deps-$key"
export AFTERGLOW_WINDOWS_DEPS="$deps"

# --- recipes ------------------------------------------------------------------------------
# Static libraries only, no programs, documentation or tests of their own.

toolchain="$root/cmake/mingw-w64-x86_64.cmake"
export CC=$host-gcc-posix CXX=$host-g++-posix AR=$host-ar RANLIB=$host-ranlib
cmake_dep() {  # source dir, build dir, extra CMake arguments
  local src=$1 bld=$2
  shift 2
  cmake -S "$src" -B "$bld" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$deps" -DBUILD_SHARED_LIBS=OFF "$@"
  cmake --build "$bld" -j"$jobs"
  cmake --install "$bld"
}

build_libzstd() {
  cmake_dep build/cmake "$1" -DZSTD_BUILD_SHARED=OFF -DZSTD_BUILD_STATIC=ON \
    -DZSTD_BUILD_PROGRAMS=OFF -DZSTD_BUILD_TESTS=OFF -DZSTD_BUILD_CONTRIB=OFF \
    -DZSTD_LEGACY_SUPPORT=OFF -DZSTD_MULTITHREAD_SUPPORT=ON
}

build_sqlite3() {
  # The amalgamation is generated by the sources' own tools, built for this machine; the library
  # is then one file compiled for Windows with the options Debian's package has (FTS5 above all).
  CC=gcc ./configure >/dev/null
  make -j"$jobs" CC=gcc sqlite3.c
  $CC -O2 -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_FTS3 -DSQLITE_ENABLE_FTS3_PARENTHESIS \
    -DSQLITE_ENABLE_RTREE -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_ENABLE_DBSTAT_VTAB \
    -DSQLITE_ENABLE_MATH_FUNCTIONS -DSQLITE_SECURE_DELETE -DSQLITE_ENABLE_UNLOCK_NOTIFY \
    -DSQLITE_MAX_SCHEMA_RETRY=25 -DSQLITE_MAX_VARIABLE_NUMBER=250000 -DSQLITE_THREADSAFE=1 \
    -DSQLITE_OMIT_LOAD_EXTENSION -c sqlite3.c -o "$1/sqlite3.o"
  mkdir -p "$deps/lib/pkgconfig" "$deps/include"
  $AR rcs "$deps/lib/libsqlite3.a" "$1/sqlite3.o"
  cp sqlite3.h sqlite3ext.h "$deps/include/"
  local v
  v=$(sed -n 's/^#define SQLITE_VERSION *"\(.*\)"/\1/p' sqlite3.h)
  printf '%s\n' "prefix=$deps" 'libdir=${prefix}/lib' 'includedir=${prefix}/include' '' \
    'Name: SQLite' 'Description: SQL database engine' "Version: $v" \
    'Libs: -L${libdir} -lsqlite3' 'Cflags: -I${includedir}' >"$deps/lib/pkgconfig/sqlite3.pc"
}

build_libarchive() {
  # Zips with deflate are all afterglow reads and writes; zstd, lzma and the rest stay out. Its
  # CMake build makes a DLL beside the static library: only the static one is built.
  cmake -S . -B "$1" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_BUILD_TYPE=Release \
    -DENABLE_TAR=OFF -DENABLE_CPIO=OFF -DENABLE_CAT=OFF -DENABLE_TEST=OFF \
    -DENABLE_OPENSSL=OFF -DENABLE_MBEDTLS=OFF -DENABLE_NETTLE=OFF -DENABLE_LIBB2=OFF \
    -DENABLE_LZ4=OFF -DENABLE_LZO=OFF -DENABLE_LZMA=OFF -DENABLE_ZSTD=OFF -DENABLE_BZip2=OFF \
    -DENABLE_LIBXML2=OFF -DENABLE_EXPAT=OFF -DENABLE_PCREPOSIX=OFF -DENABLE_LibGCC=OFF \
    -DENABLE_CNG=ON -DENABLE_ICONV=OFF -DENABLE_ACL=OFF -DENABLE_XATTR=OFF -DENABLE_ZLIB=ON \
    -DZLIB_LIBRARY="/usr/$host/lib/libz.a" -DZLIB_INCLUDE_DIR="/usr/$host/include"
  # The static zlib: given its import library, libarchive's CMake declares zlib dllimport
  # (ZLIB_DLL) and afterglow.exe would need zlib1.dll beside it.
  cmake --build "$1" -j"$jobs" --target archive_static
  mkdir -p "$deps/lib/pkgconfig" "$deps/include"
  cp "$1/libarchive/libarchive_static.a" "$deps/lib/libarchive.a"
  cp libarchive/archive.h libarchive/archive_entry.h "$deps/include/"
  # Static: its headers must not declare dllimport. CNG (bcrypt) backs its zip decryption.
  printf '%s\n' "prefix=$deps" 'libdir=${prefix}/lib' 'includedir=${prefix}/include' '' \
    'Name: libarchive' 'Description: streaming archive library (zip with zlib)' \
    "Version: ${version[libarchive]%%-*}" 'Libs: -L${libdir} -larchive' \
    'Libs.private: -lz -lbcrypt' 'Cflags: -I${includedir} -DLIBARCHIVE_STATIC' \
    >"$deps/lib/pkgconfig/libarchive.pc"
}

build_libxml2() {
  # Its HTML parser reads Gemini's Takeout; no encodings beyond UTF-8 and the Latin ones it has
  # itself, no compression, network, modules or programs.
  cmake_dep . "$1" -DLIBXML2_WITH_ICONV=OFF -DLIBXML2_WITH_ICU=OFF -DLIBXML2_WITH_LZMA=OFF \
    -DLIBXML2_WITH_ZLIB=OFF -DLIBXML2_WITH_PYTHON=OFF -DLIBXML2_WITH_PROGRAMS=OFF \
    -DLIBXML2_WITH_TESTS=OFF -DLIBXML2_WITH_HTTP=OFF -DLIBXML2_WITH_FTP=OFF \
    -DLIBXML2_WITH_MODULES=OFF
  # Static: its headers must not declare dllimport (LIBXML_STATIC), so the .pc is written here.
  local lib
  lib=$(find "$deps/lib" -maxdepth 1 -name 'libxml2*.a' | head -n1)
  [ -n "$lib" ] || die "libxml2: no static library was installed"
  [ "$lib" = "$deps/lib/libxml2.a" ] || cp "$lib" "$deps/lib/libxml2.a"
  mkdir -p "$deps/lib/pkgconfig"
  printf '%s\n' "prefix=$deps" 'libdir=${prefix}/lib' 'includedir=${prefix}/include' '' \
    'Name: libXML' 'Description: libXML library version2.' \
    "Version: ${version[libxml2]%%[+-]*}" 'Libs: -L${libdir} -lxml2' \
    'Cflags: -I${includedir}/libxml2 -DLIBXML_STATIC' >"$deps/lib/pkgconfig/libxml-2.0.pc"
}
build_libzip() {
  # Writes the EPUB export (its first entry must carry no extra field, which libarchive always
  # writes): deflate from the same static zlib as libarchive's, no other compression, no
  # encryption, no tools.
  cmake_dep . "$1" -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF -DENABLE_ZSTD=OFF -DENABLE_GNUTLS=OFF \
    -DENABLE_MBEDTLS=OFF -DENABLE_OPENSSL=OFF -DENABLE_COMMONCRYPTO=OFF \
    -DENABLE_WINDOWS_CRYPTO=OFF -DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF -DBUILD_OSSFUZZ=OFF \
    -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF \
    -DZLIB_LIBRARY="/usr/$host/lib/libz.a" -DZLIB_INCLUDE_DIR="/usr/$host/include"
  # A static build's zipconf.h says ZIP_STATIC itself (no dllimport); its random numbers come
  # from the Windows crypto API (advapi32).
  printf '%s\n' "prefix=$deps" 'libdir=${prefix}/lib' 'includedir=${prefix}/include' '' \
    'Name: libzip' 'Description: library for reading, creating and modifying zip archives' \
    "Version: ${version[libzip]%%-*}" 'Libs: -L${libdir} -lzip' 'Libs.private: -lz -ladvapi32' \
    'Cflags: -I${includedir}' >"$deps/lib/pkgconfig/libzip.pc"
}

build_xapian-core() {
  # C++17's std::byte clashes with the Windows headers' byte in api/replication.cc (gnu++14);
  # Xapian's own tools use fortified string functions from libssp (LIBS=-lssp).
  ./configure --host=$host --prefix="$deps" --disable-shared --enable-static \
    --disable-documentation CXXFLAGS="-O2 -std=gnu++14" LIBS=-lssp >/dev/null
  make -j"$jobs" LIBS=-lssp libxapian.la
  make LIBS=-lssp install-libLTLIBRARIES install-data
}

build_openssl() {
  # libcrypto only (SHA-256 for blob ids and the book's integrity hashes).
  ./Configure mingw64 no-shared no-tests no-module no-engine no-legacy \
    --cross-compile-prefix=$host- --prefix="$deps" --libdir=lib \
    CC=gcc-posix AR=ar RANLIB=ranlib RC=windres >/dev/null
  make -j"$jobs" build_generated
  make -j"$jobs" libcrypto.a libcrypto.pc openssl.pc
  mkdir -p "$deps/lib/pkgconfig" "$deps/include"
  cp libcrypto.a "$deps/lib/"
  cp -r include/openssl "$deps/include/"
  sed "s|^prefix=.*|prefix=$deps|" libcrypto.pc >"$deps/lib/pkgconfig/libcrypto.pc"
}

build_cmark-gfm() {
  cmake_dep . "$1" -DCMARK_TESTS=OFF -DCMARK_SHARED=OFF -DCMARK_STATIC=ON
  # Static, so the headers must not declare dllimport; Debian's package has no .pc for the
  # extensions, nor does the upstream build.
  # Its .pc names the extensions after the core, the wrong order for static archives: the
  # extensions' own .pc below requires the core instead.
  sed -i -e 's/^Cflags: \(.*\)/Cflags: \1 -DCMARK_GFM_STATIC_DEFINE -DCMARK_GFM_EXTENSIONS_STATIC_DEFINE/' \
    -e 's/^Libs: \(.*\) -lcmark-gfm-extensions/Libs: \1/' "$deps/lib/pkgconfig/libcmark-gfm.pc"
  printf '%s\n' "prefix=$deps" 'libdir=${prefix}/lib' 'includedir=${prefix}/include' '' \
    'Name: libcmark-gfm-extensions' 'Description: GitHub extensions for cmark-gfm' \
    "Version: ${version[cmark-gfm]%%-*}" 'Requires: libcmark-gfm' \
    'Libs: -L${libdir} -lcmark-gfm-extensions' \
    'Cflags: -I${includedir} -DCMARK_GFM_EXTENSIONS_STATIC_DEFINE' \
    >"$deps/lib/pkgconfig/libcmark-gfm-extensions.pc"
}

build_simdjson() {
  cmake_dep . "$1" -DSIMDJSON_DEVELOPER_MODE=OFF -DSIMDJSON_ENABLE_THREADS=ON
}

build_googletest() {
  cmake_dep . "$1" -DBUILD_GMOCK=ON -DINSTALL_GTEST=ON -Dgtest_disable_pthreads=OFF
}

build_gettext() {
  # libintl alone (gettext-runtime/intl), static; Windows has no gettext in its C library.
  # Debian's patches leave m4 files newer than what was generated from them; without autoconf
  # here, make must not try to regenerate: every generated file gets one same, newer time.
  find . \( -name aclocal.m4 -o -name configure -o -name Makefile.in -o -name config.h.in \) \
    -exec touch -d "$(date -R)" {} +
  cd gettext-runtime
  ./configure --host=$host --prefix="$deps" --disable-shared --enable-static \
    --disable-java --disable-csharp --disable-libasprintf --disable-openmp --disable-curses \
    --disable-acl --disable-xattr --without-emacs --without-libiconv-prefix \
    --without-libintl-prefix --with-included-gettext >/dev/null
  make -j"$jobs" -C intl
  make -C intl install
}

build_cpp-httplib() {
  # Header-only on Windows (Debian's own package is a shared library and a split header).
  mkdir -p "$deps/include" "$deps/lib/pkgconfig"
  cp httplib.h "$deps/include/"
  printf '%s\n' "prefix=$deps" 'includedir=${prefix}/include' '' 'Name: cpp-httplib' \
    'Description: A C++ HTTP/HTTPS server and client library (header-only)' \
    "Version: ${version[cpp-httplib]%%[+-]*}" 'Libs: -lws2_32' 'Cflags: -I${includedir}' \
    >"$deps/lib/pkgconfig/cpp-httplib.pc"
}

headers_from_debian() {
  # Header-only libraries, with their CMake packages, copied from the Debian -dev packages.
  mkdir -p "$deps/include" "$deps/share/cmake"
  cp -r /usr/include/CLI /usr/include/nlohmann "$deps/include/"
  cp -r /usr/share/cmake/CLI11 /usr/share/cmake/nlohmann_json "$deps/share/cmake/"
}
# --- end of recipes -------------------------------------------------------------------------

# A library is built again when its version or its recipe changed since it was built: its stamp
# holds a hash of both. (The toolchain file is not part of it: it changes with afterglow's own
# needs; after a change to how it compiles, remove the deps-KEY folder.)
recipe_hash() {
  { declare -f "build_$1" cmake_dep; printf '%s\n' "${version[$1]}"; } | sha256sum | cut -c1-16
}

build_dep() {
  local pkg=$1 stamp="$deps/.built-$1" hash
  hash=$(recipe_hash "$pkg")
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ] && return
  local work="$cache/work-$key/$pkg" logfile="$deps/logs/$pkg.log"
  mkdir -p "$deps/logs"
  rm -rf "$work"
  mkdir -p "$work"
  log "building $pkg ${version[$pkg]} (log: $logfile)"
  local start=$SECONDS
  if ! (
    set -euo pipefail
    exec >"$logfile" 2>&1
    dpkg-source --no-check -x "$sources/${pkg}_${version[$pkg]#*:}.dsc" "$work/src"
    mkdir -p "$work/build"
    cd "$work/src"
    "build_$pkg" "$work/build"
  ); then
    tail -n 30 "$logfile" >&2
    die "building $pkg failed; the whole log is $logfile"
  fi
  rm -rf "$work"
  log "built $pkg in $((SECONDS - start)) s"
  printf '%s\n' "$hash" >"$stamp"
}

log "dependencies: $deps"
mkdir -p "$deps"
printf '%s\n' "$manifest" >"$deps/versions.txt"
headers_from_debian
for pkg in "${source_packages[@]:1}"; do build_dep "$pkg"; done
rm -rf "$cache/work-$key"
[ "${1:-}" = --deps-only ] && exit 0

# --- afterglow ----------------------------------------------------------------------------

launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
# -O2 as the Linux build has: GCC 12 at -O3 warns falsely (-Wrestrict) inside std::string.
cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
  -DAFTERGLOW_WINDOWS_DEPS="$deps" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DAFTERGLOW_WERROR=ON \
  "${launcher[@]}" >/dev/null
cmake --build "$build_dir" -j"$jobs"
# afterglow.exe is one file: it may import nothing but what every Windows has.
imports=$("$host-objdump" -p "$build_dir/cli/afterglow.exe" | sed -n 's/^\s*DLL Name: //p')
for dll in $imports; do
  case "${dll,,}" in
    kernel32.dll | user32.dll | advapi32.dll | shell32.dll | ws2_32.dll | rpcrt4.dll | msvcrt.dll | \
      crypt32.dll | bcrypt.dll | ole32.dll | oleaut32.dll | gdi32.dll) ;;
    *) die "afterglow.exe needs $dll, which Windows does not have: link it statically" ;;
  esac
done
cmake --build "$build_dir" --target windows_zip
log "done: $(ls "$build_dir"/afterglow-*-windows-x64.zip)"
