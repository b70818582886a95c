# Extracts every message marked for translation in the sources into a template (.pot).
#   cmake -DSOURCE_DIR=<repo> -DOUTPUT=<file.pot> -DXGETTEXT=<xgettext> -P po/make-pot.cmake
# The sources are found here rather than listed, so a new file's messages cannot be missed.
# Locations name only the file, so that moving a line does not change the template.
set(folders cli i18n importer store indexer viewer server pipeline model platform)
set(patterns "")
foreach(folder ${folders})
  list(APPEND patterns ${SOURCE_DIR}/${folder}/*.cpp ${SOURCE_DIR}/${folder}/*.h)
endforeach()
file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR} ${patterns})
list(SORT sources)
set(fresh ${OUTPUT}.new)
execute_process(
  COMMAND ${XGETTEXT} --from-code=UTF-8 --language=C++ --keyword=_ --keyword=N_
          --keyword=plural:1,2 --add-comments=TRANSLATORS: --add-location=file --sort-by-file
          --package-name=afterglow --msgid-bugs-address=
          --copyright-holder= --output=${fresh} ${sources}
  WORKING_DIRECTORY ${SOURCE_DIR}
  RESULT_VARIABLE status
  ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "xgettext failed on the sources:\n${errors}")
endif()

# The template records no date and no placeholders of a real catalog's header: it changes
# only when the messages do.
file(READ ${fresh} text)
string(REGEX REPLACE "\"POT-Creation-Date: [^\"]*\"\n" "" text "${text}")
string(REGEX REPLACE "^# SOME DESCRIPTIVE TITLE.\n# This file is put in the public domain.\n# FIRST AUTHOR <EMAIL@ADDRESS>, YEAR.\n"
       "# The messages of afterglow's command line, extracted from the sources by make-pot.cmake.\n"
       text "${text}")
file(REMOVE ${fresh})
if(EXISTS ${OUTPUT})
  file(READ ${OUTPUT} old)
  if(old STREQUAL text)
    return()
  endif()
endif()
file(WRITE ${OUTPUT} "${text}")
