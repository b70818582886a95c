# Installing afterglow and packaging it as a .deb (scripts/build-deb.sh). The files it installs
# beside the binary are in packaging/; the man page and the PNG icon are made at build time.
include(GNUInstallDirs)

# afterglow links Xapian (GPL-2.0-or-later), so the whole program is GPL; version 3 or later keeps
# it compatible with the Apache-2.0 libraries it links too (README, "Licence").
set(AFTERGLOW_LICENSE_SPDX "GPL-3.0-or-later")
set(AFTERGLOW_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging)

install(TARGETS afterglow RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${AFTERGLOW_PACKAGING_DIR}/afterglow.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${AFTERGLOW_PACKAGING_DIR}/afterglow.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES README.md LICENSE CHANGELOG.md THIRD-PARTY-NOTICES.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
configure_file(${AFTERGLOW_PACKAGING_DIR}/copyright.in ${CMAKE_CURRENT_BINARY_DIR}/copyright @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
# Message catalogs (po/, share/locale/LANG/LC_MESSAGES/afterglow.mo) are installed by po/'s own
# install() rules; every install() rule of the build ends up in the package, and
# scripts/test-deb.sh checks that each catalog the build made is in it.

# The man page runs the built binary, which a cross-compiled build cannot do.
find_program(AFTERGLOW_HELP2MAN help2man)
if(AFTERGLOW_HELP2MAN AND NOT CMAKE_CROSSCOMPILING)
  set(manpage ${CMAKE_CURRENT_BINARY_DIR}/afterglow.1.gz)
  add_custom_command(
    OUTPUT ${manpage}
    COMMAND bash ${AFTERGLOW_PACKAGING_DIR}/make-manpage.sh $<TARGET_FILE:afterglow> ${manpage}
    DEPENDS afterglow ${AFTERGLOW_PACKAGING_DIR}/make-manpage.sh
            ${AFTERGLOW_PACKAGING_DIR}/manpage.h2m ${AFTERGLOW_PACKAGING_DIR}/help-to-roff.awk
            ${AFTERGLOW_PACKAGING_DIR}/list-subcommands.sh
    COMMENT "Writing the man page afterglow(1) from --help"
    VERBATIM)
  add_custom_target(afterglow_manpage ALL DEPENDS ${manpage})
  install(FILES ${manpage} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "afterglow: help2man not found (or cross-compiling); no man page")
endif()

# A 256 px PNG beside the SVG for desktops that do not draw SVG icons.
find_program(AFTERGLOW_RSVG_CONVERT rsvg-convert)
if(AFTERGLOW_RSVG_CONVERT)
  set(icon_png ${CMAKE_CURRENT_BINARY_DIR}/afterglow.png)
  add_custom_command(
    OUTPUT ${icon_png}
    COMMAND ${AFTERGLOW_RSVG_CONVERT} --width=256 --height=256 --output=${icon_png}
            ${AFTERGLOW_PACKAGING_DIR}/afterglow.svg
    DEPENDS ${AFTERGLOW_PACKAGING_DIR}/afterglow.svg
    COMMENT "Drawing the 256 px icon"
    VERBATIM)
  add_custom_target(afterglow_icon_png ALL DEPENDS ${icon_png})
  install(FILES ${icon_png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/256x256/apps)
else()
  message(STATUS "afterglow: rsvg-convert not found; the package holds the SVG icon only")
endif()

# Everything the package holds that a build makes (scripts/build-deb.sh builds just this).
add_custom_target(afterglow_package_files)
add_dependencies(afterglow_package_files afterglow)
foreach(made afterglow_manpage afterglow_icon_png)
  if(TARGET ${made})
    add_dependencies(afterglow_package_files ${made})
  endif()
endforeach()

# The .deb: afterglow_VERSION_ARCH.deb, its dependencies read from the binary's shared libraries.
set(AFTERGLOW_PACKAGE_MAINTAINER "afterglow maintainers <maintainers@afterglow.invalid>"
    CACHE STRING "The Maintainer field of the Debian package")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME afterglow)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${AFTERGLOW_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "durable, searchable, offline archive of your AI conversations")
set(CPACK_PACKAGE_DESCRIPTION
    "afterglow turns the official ChatGPT data export into one local archive file that can be
searched offline (Chinese as well as English), reread exactly as the conversations happened
(branches, images, voice, code), read in a private local web reader and printed as an offline
HTML book. Every file of the export is kept byte for byte.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_RPM_PACKAGE_LICENSE ${AFTERGLOW_LICENSE_SPDX})
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# --open hands the address to the desktop's browser; book --pdf prints through Chromium.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "xdg-utils")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "chromium")
include(CPack)
