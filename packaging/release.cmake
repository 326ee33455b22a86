# cmake -P script: the release of VERSION in RELEASE_DIR. The component is stripped (its debug
# symbols go to clientes.uno.so.debug, tied to it by a debug link and its build ID), the .oxt
# assembled around it (assemble_oxt.cmake), then the update feed, the release notes and the
# SHA-256 sums are written beside it.
if(NOT BUILD_TYPE MATCHES "^(Release|RelWithDebInfo|MinSizeRel)$")
    message(FATAL_ERROR "A release is built optimised: configure with "
                        "-DCMAKE_BUILD_TYPE=Release or RelWithDebInfo (this is '${BUILD_TYPE}')")
endif()
file(REMOVE_RECURSE ${RELEASE_DIR})
file(MAKE_DIRECTORY ${RELEASE_DIR})
get_filename_component(oxt_name ${OUTPUT} NAME)

execute_process(
    COMMAND ${PYTHON} ${SOURCE_DIR}/tools/release_files.py --changelog ${SOURCE_DIR}/CHANGELOG.md
            --version ${VERSION} --identifier org.clientes.calc --url ${RELEASE_URL}
            --oxt ${oxt_name} --minimal-office ${MINIMAL_OFFICE} --out ${RELEASE_DIR}
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "the release notes could not be written (see above)")
endif()

# Debug symbols apart, the component stripped and pointing to them.
get_filename_component(component_name ${COMPONENT} NAME)
set(symbols ${RELEASE_DIR}/${component_name}.debug)
set(stripped_dir ${STAGE}-component)
file(REMOVE_RECURSE ${stripped_dir})
file(MAKE_DIRECTORY ${stripped_dir})
set(stripped ${stripped_dir}/${component_name})
execute_process(COMMAND ${OBJCOPY} --only-keep-debug --compress-debug-sections=zlib
                        ${COMPONENT} ${symbols} RESULT_VARIABLE r1)
execute_process(COMMAND ${OBJCOPY} --strip-debug --strip-unneeded
                        --add-gnu-debuglink=${symbols} ${COMPONENT} ${stripped}
                RESULT_VARIABLE r2)
if(NOT r1 EQUAL 0 OR NOT r2 EQUAL 0)
    message(FATAL_ERROR "objcopy could not strip ${COMPONENT}")
endif()

set(COMPONENT ${stripped})
set(ZIP_LEVEL 9)
include(${CMAKE_CURRENT_LIST_DIR}/assemble_oxt.cmake)

set(sums "")
foreach(file ${oxt_name} ${component_name}.debug)
    file(SHA256 ${RELEASE_DIR}/${file} sum)
    string(APPEND sums "${sum}  ${file}\n")
endforeach()
file(WRITE ${RELEASE_DIR}/SHA256SUMS "${sums}")
file(SIZE ${OUTPUT} oxt_size)
file(SIZE ${COMPONENT} component_size)
message(STATUS "Release ${VERSION}: ${OUTPUT} (${oxt_size} bytes; component ${component_size} "
               "bytes stripped), feed for ${RELEASE_URL}")
