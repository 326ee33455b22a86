# cmake -P script: lays the extension out in STAGE and zips it into OUTPUT.
file(REMOVE_RECURSE ${STAGE})
file(MAKE_DIRECTORY ${STAGE}/META-INF ${STAGE}/registration)

file(COPY ${TEMPLATES}/description.xml ${TEMPLATES}/clientes.components DESTINATION ${STAGE})
file(COPY ${TEMPLATES}/manifest.xml DESTINATION ${STAGE}/META-INF)
file(COPY ${COMPONENT} DESTINATION ${STAGE})
file(COPY ${TYPES} DESTINATION ${STAGE})
file(COPY ${SOURCE_DIR}/extension/config ${SOURCE_DIR}/extension/icons
          ${SOURCE_DIR}/extension/description DESTINATION ${STAGE})
if(EXISTS ${SOURCE_DIR}/dialogs)
    file(COPY ${SOURCE_DIR}/dialogs DESTINATION ${STAGE})
endif()
file(COPY ${SOURCE_DIR}/LICENSE DESTINATION ${STAGE}/registration)

file(GLOB_RECURSE entries RELATIVE ${STAGE} ${STAGE}/*)
list(SORT entries)
file(REMOVE ${OUTPUT})
execute_process(COMMAND ${CMAKE_COMMAND} -E tar cf ${OUTPUT} --format=zip ${entries}
                WORKING_DIRECTORY ${STAGE} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "zipping ${OUTPUT} failed")
endif()
