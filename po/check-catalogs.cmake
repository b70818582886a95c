# Fails when po/afterglow.pot is not what the sources' marked messages make, or when a
# language's catalog leaves any of them untranslated (or fuzzy), so that no new message goes
# out in English by accident.
#   cmake -DSOURCE_DIR=<repo> -DWORK_DIR=<dir> -DXGETTEXT=... -DMSGCMP=...
#         -P po/check-catalogs.cmake
set(fresh ${WORK_DIR}/afterglow.pot)
file(REMOVE ${fresh})
execute_process(
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${SOURCE_DIR} -DOUTPUT=${fresh} -DXGETTEXT=${XGETTEXT}
          -P ${SOURCE_DIR}/po/make-pot.cmake
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "could not extract the messages from the sources")
endif()

file(READ ${SOURCE_DIR}/po/afterglow.pot committed)
file(READ ${fresh} extracted)
set(failed FALSE)
if(NOT committed STREQUAL extracted)
  message(SEND_ERROR "po/afterglow.pot is out of date with the sources: run "
                     "`cmake --build BUILD --target afterglow-pot`, then translate what changed "
                     "in po/*.po (po/README.md)")
  set(failed TRUE)
endif()

file(STRINGS ${SOURCE_DIR}/po/LINGUAS languages REGEX "^[^#]")
foreach(language ${languages})
  # msgcmp counts untranslated and fuzzy entries as missing.
  execute_process(COMMAND ${MSGCMP} ${SOURCE_DIR}/po/${language}.po ${fresh}
                  RESULT_VARIABLE status ERROR_VARIABLE missing)
  if(NOT status EQUAL 0)
    message(SEND_ERROR "po/${language}.po does not translate every message:\n${missing}")
    set(failed TRUE)
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "the catalogs need work")
endif()
