# Locates LibreOffice's SDK, turns our IDL into a type library and generates the C++ headers of
# the office API and of our own types (Debian's SDK ships no com/sun/star headers).

set(LO_PROGRAM_DIR "/usr/lib/libreoffice/program" CACHE PATH "LibreOffice program folder")
set(LO_SDK_DIR "/usr/lib/libreoffice/sdk" CACHE PATH "LibreOffice SDK folder")

find_program(LO_UNOIDL_WRITE unoidl-write PATHS ${LO_SDK_DIR}/bin NO_DEFAULT_PATH REQUIRED)
find_program(LO_CPPUMAKER cppumaker PATHS ${LO_SDK_DIR}/bin NO_DEFAULT_PATH REQUIRED)
find_program(LO_SOFFICE soffice PATHS ${LO_PROGRAM_DIR} NO_DEFAULT_PATH REQUIRED)
find_program(LO_UNOPKG unopkg PATHS ${LO_PROGRAM_DIR} NO_DEFAULT_PATH REQUIRED)
find_path(LO_SDK_INCLUDE_DIR sal/config.h PATHS ${LO_SDK_DIR}/include /usr/include/libreoffice
          NO_DEFAULT_PATH REQUIRED)

set(LO_TYPES_RDB "${LO_PROGRAM_DIR}/types.rdb")
set(LO_OFFAPI_RDB "${LO_PROGRAM_DIR}/types/offapi.rdb")
foreach(rdb ${LO_TYPES_RDB} ${LO_OFFAPI_RDB})
    if(NOT EXISTS ${rdb})
        message(FATAL_ERROR "LibreOffice type library ${rdb} not found (install libreoffice-calc)")
    endif()
endforeach()

foreach(lib uno_cppu uno_cppuhelpergcc3 uno_sal uno_salhelpergcc3)
    find_library(LO_LIB_${lib} ${lib} PATHS ${LO_SDK_DIR}/lib NO_DEFAULT_PATH REQUIRED)
endforeach()

# --- office API headers
set(LO_OFFICE_HEADERS_DIR "${CMAKE_BINARY_DIR}/uno-headers/office")
add_custom_command(
    OUTPUT ${LO_OFFICE_HEADERS_DIR}/stamp
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${LO_OFFICE_HEADERS_DIR}
    COMMAND ${LO_CPPUMAKER} -O${LO_OFFICE_HEADERS_DIR} ${LO_TYPES_RDB} ${LO_OFFAPI_RDB}
    COMMAND ${CMAKE_COMMAND} -E touch ${LO_OFFICE_HEADERS_DIR}/stamp
    DEPENDS ${LO_TYPES_RDB} ${LO_OFFAPI_RDB}
    COMMENT "Generating LibreOffice API headers with cppumaker")

# --- our types: IDL → clientes.rdb → headers
file(GLOB_RECURSE CLIENTES_IDL_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/idl/*.idl)
set(CLIENTES_RDB "${CMAKE_BINARY_DIR}/clientes.rdb")
set(CLIENTES_HEADERS_DIR "${CMAKE_BINARY_DIR}/uno-headers/clientes")
add_custom_command(
    OUTPUT ${CLIENTES_RDB}
    COMMAND ${LO_UNOIDL_WRITE} ${LO_TYPES_RDB} ${LO_OFFAPI_RDB} ${CMAKE_SOURCE_DIR}/idl
            ${CLIENTES_RDB}
    DEPENDS ${CLIENTES_IDL_FILES}
    COMMENT "Compiling IDL into clientes.rdb")
add_custom_command(
    OUTPUT ${CLIENTES_HEADERS_DIR}/stamp
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${CLIENTES_HEADERS_DIR}
    COMMAND ${LO_CPPUMAKER} -O${CLIENTES_HEADERS_DIR} -Torg.clientes.* ${CLIENTES_RDB}
            -X${LO_TYPES_RDB} -X${LO_OFFAPI_RDB}
    COMMAND ${CMAKE_COMMAND} -E touch ${CLIENTES_HEADERS_DIR}/stamp
    DEPENDS ${CLIENTES_RDB}
    COMMENT "Generating C++ headers for our UNO types")
add_custom_target(uno_headers DEPENDS ${LO_OFFICE_HEADERS_DIR}/stamp
                                      ${CLIENTES_HEADERS_DIR}/stamp)

# --- what a UNO component or client compiles and links against
add_library(lo_sdk INTERFACE)
add_dependencies(lo_sdk uno_headers)
target_include_directories(lo_sdk SYSTEM INTERFACE ${LO_SDK_INCLUDE_DIR} ${LO_OFFICE_HEADERS_DIR}
                                                   ${CLIENTES_HEADERS_DIR})
target_compile_definitions(lo_sdk INTERFACE UNX GCC LINUX CPPU_ENV=gcc3)
target_link_libraries(lo_sdk INTERFACE ${LO_LIB_uno_cppuhelpergcc3} ${LO_LIB_uno_cppu}
                                       ${LO_LIB_uno_salhelpergcc3} ${LO_LIB_uno_sal})
