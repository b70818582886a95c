# Cross-compiling for 64-bit Windows with Debian's mingw-w64 toolchain (posix thread model, which
# C++ threads need). Used for afterglow itself and for the dependencies scripts/build-windows.sh
# builds; AFTERGLOW_WINDOWS_DEPS is the folder those were installed into.
#
#   cmake -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake -DAFTERGLOW_WINDOWS_DEPS=DIR ...
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(AFTERGLOW_MINGW_TRIPLE x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${AFTERGLOW_MINGW_TRIPLE}-gcc-posix)
set(CMAKE_CXX_COMPILER ${AFTERGLOW_MINGW_TRIPLE}-g++-posix)
set(CMAKE_RC_COMPILER ${AFTERGLOW_MINGW_TRIPLE}-windres)

# The toolchain file is read again for every try_compile; the folder must reach those too.
if(NOT AFTERGLOW_WINDOWS_DEPS AND DEFINED ENV{AFTERGLOW_WINDOWS_DEPS})
  set(AFTERGLOW_WINDOWS_DEPS "$ENV{AFTERGLOW_WINDOWS_DEPS}")
endif()
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES AFTERGLOW_WINDOWS_DEPS)

# Libraries, headers and CMake packages come from the dependencies' folder and the toolchain's
# own sysroot (where Debian's libz-mingw-w64-dev installs zlib), never from the Linux system.
set(CMAKE_FIND_ROOT_PATH /usr/${AFTERGLOW_MINGW_TRIPLE})
if(AFTERGLOW_WINDOWS_DEPS)
  list(PREPEND CMAKE_FIND_ROOT_PATH ${AFTERGLOW_WINDOWS_DEPS})
endif()
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config reads only the Windows .pc files, and with --static: every library is a static
# archive, so the libraries they use themselves (Libs.private) must be linked too.
set(ENV{PKG_CONFIG_LIBDIR}
    "${AFTERGLOW_WINDOWS_DEPS}/lib/pkgconfig:${AFTERGLOW_WINDOWS_DEPS}/share/pkgconfig:/usr/${AFTERGLOW_MINGW_TRIPLE}/lib/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")
set(PKG_CONFIG_ARGN --static CACHE STRING "Arguments for pkg-config" FORCE)

# One afterglow.exe with nothing beside it: libstdc++, libgcc and winpthreads linked in.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")

# Tests run under Wine (64-bit) when it is installed.
if(EXISTS /usr/lib/wine/wine64 AND NOT CMAKE_CROSSCOMPILING_EMULATOR)
  set(CMAKE_CROSSCOMPILING_EMULATOR env WINEDEBUG=-all /usr/lib/wine/wine64)
endif()

# OpenSSL (libcrypto, for SHA-256) is a static archive; FindOpenSSL then adds ws2_32 and crypt32.
set(OPENSSL_USE_STATIC_LIBS TRUE)
