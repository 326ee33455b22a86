# cmake -P script (or included by release.cmake): lays the extension out in STAGE and zips it
# into OUTPUT.
file(REMOVE_RECURSE ${STAGE})
file(MAKE_DIRECTORY ${STAGE}/META-INF ${STAGE}/registration)

file(COPY ${TEMPLATES}/description.xml ${TEMPLATES}/clientes.components DESTINATION ${STAGE})
file(COPY ${TEMPLATES}/manifest.xml DESTINATION ${STAGE}/META-INF)
file(COPY ${COMPONENT} DESTINATION ${STAGE})
file(COPY ${TYPES} DESTINATION ${STAGE})
file(COPY ${SOURCE_DIR}/extension/config ${SOURCE_DIR}/extension/icons
          ${SOURCE_DIR}/extension/description DESTINATION ${STAGE})
# Configuration with texts: generated from its template (config/<name>.in) and po/*.po.
file(GLOB config_templates ${STAGE}/config/*.in)
file(REMOVE ${config_templates})
if(NOT GENERATED_CONFIG)
    message(FATAL_ERROR "GENERATED_CONFIG is not set")
endif()
file(GLOB generated_config ${GENERATED_CONFIG}/*.xcu)
file(COPY ${generated_config} DESTINATION ${STAGE}/config)
# The dialogs (.xdl) from the sources, their strings (.properties) generated from po/*.po.
file(GLOB dialogs ${SOURCE_DIR}/dialogs/*.xdl)
file(GLOB dialog_strings ${DIALOG_STRINGS}/*.properties ${DIALOG_STRINGS}/*.default)
file(COPY ${dialogs} ${dialog_strings} DESTINATION ${STAGE}/dialogs)
file(COPY ${SOURCE_DIR}/LICENSE DESTINATION ${STAGE}/registration)
# The release notes of this version (CHANGELOG.md), which description.xml names.
file(MAKE_DIRECTORY ${STAGE}/notes)
execute_process(
    COMMAND ${PYTHON} ${SOURCE_DIR}/tools/release_files.py --changelog ${SOURCE_DIR}/CHANGELOG.md
            --version ${VERSION} --identifier org.clientes.calc --url ${RELEASE_URL}
            --oxt clientes-${VERSION}.oxt --minimal-office ${MINIMAL_OFFICE} --out ${STAGE}/notes
    OUTPUT_QUIET RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "the release notes could not be written (see above)")
endif()
file(REMOVE ${STAGE}/notes/clientes.update.xml)

# The help: HTML pages per language (tools/help_pages.py checks every page and link).
execute_process(
    COMMAND ${PYTHON} ${SOURCE_DIR}/tools/help_pages.py --help-dir ${SOURCE_DIR}/extension/help
            --catalogues ${SOURCE_DIR}/po --version ${VERSION} --out ${STAGE}
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "the help pages could not be built (see above)")
endif()

# Zipped by tools/zip_tree.py: sorted entries, one date (the release's, from CHANGELOG.md), fixed
# permissions, so that the bytes depend on the sources only.
if(NOT ZIP_LEVEL)
    set(ZIP_LEVEL 6)
endif()
execute_process(COMMAND ${PYTHON} ${SOURCE_DIR}/tools/zip_tree.py ${STAGE} ${OUTPUT}
                        --date ${ZIP_DATE} --level ${ZIP_LEVEL}
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "zipping ${OUTPUT} failed")
endif()
