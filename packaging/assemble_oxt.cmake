# cmake -P script: lays the extension out in STAGE and zips it into OUTPUT.
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

file(GLOB_RECURSE entries RELATIVE ${STAGE} ${STAGE}/*)
list(SORT entries)
file(REMOVE ${OUTPUT})
execute_process(COMMAND ${CMAKE_COMMAND} -E tar cf ${OUTPUT} --format=zip ${entries}
                WORKING_DIRECTORY ${STAGE} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "zipping ${OUTPUT} failed")
endif()
