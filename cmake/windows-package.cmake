# afterglow-VERSION-windows-x64.zip: afterglow.exe, its translations in locale/ beside it (where
# the program looks for them on Windows), the read-me (zh-CN and English) and the project's
# licence files that exist at the top of the source tree. `cmake --build DIR --target
# windows_zip` (scripts/build-windows.sh does it).
set(AFTERGLOW_WINDOWS_ZIP ${PROJECT_BINARY_DIR}/afterglow-${PROJECT_VERSION}-windows-x64.zip)
set(stage ${PROJECT_BINARY_DIR}/windows-zip/afterglow-${PROJECT_VERSION}-windows-x64)
file(MAKE_DIRECTORY ${PROJECT_BINARY_DIR}/windows-zip)

# Whichever of these exist is copied; the licence goes with every copy of the program.
set(AFTERGLOW_WINDOWS_DOCS "")
foreach(name LICENSE THIRD-PARTY-NOTICES.md CHANGELOG.md)
  if(EXISTS ${PROJECT_SOURCE_DIR}/${name})
    list(APPEND AFTERGLOW_WINDOWS_DOCS ${PROJECT_SOURCE_DIR}/${name})
  endif()
endforeach()
if(NOT EXISTS ${PROJECT_SOURCE_DIR}/LICENSE)
  message(STATUS "afterglow: no LICENSE at the top of the source tree; the Windows zip has none")
endif()

if(NOT TARGET afterglow-catalogs)
  message(FATAL_ERROR "afterglow: the Windows zip needs the translations: install gettext (msgfmt)")
endif()

add_custom_command(
  OUTPUT ${AFTERGLOW_WINDOWS_ZIP}
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${stage}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${stage}
  COMMAND ${CMAKE_COMMAND} -E copy $<TARGET_FILE:afterglow> ${stage}/afterglow.exe
  COMMAND ${CMAKE_STRIP} ${stage}/afterglow.exe
  COMMAND ${CMAKE_COMMAND} -E copy ${PROJECT_SOURCE_DIR}/platform/windows/README.txt
          ${AFTERGLOW_WINDOWS_DOCS} ${stage}/
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${PROJECT_BINARY_DIR}/locale ${stage}/locale
  COMMAND ${CMAKE_COMMAND} -E rm -f ${AFTERGLOW_WINDOWS_ZIP}
  COMMAND ${CMAKE_COMMAND} -E tar cf ${AFTERGLOW_WINDOWS_ZIP} --format=zip
          afterglow-${PROJECT_VERSION}-windows-x64
  WORKING_DIRECTORY ${PROJECT_BINARY_DIR}/windows-zip
  DEPENDS afterglow afterglow-catalogs ${PROJECT_SOURCE_DIR}/platform/windows/README.txt
          ${AFTERGLOW_WINDOWS_DOCS}
  COMMENT "Packing ${AFTERGLOW_WINDOWS_ZIP}"
  VERBATIM)
add_custom_target(windows_zip DEPENDS ${AFTERGLOW_WINDOWS_ZIP})
