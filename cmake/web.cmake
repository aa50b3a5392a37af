# Services (use cases over core + store) and the web layer (server, routes, API), then linked
# into the cyberachat binary. The views (cyb_views) are declared in the top-level file.
find_package(spdlog REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(LIBDEFLATE REQUIRED IMPORTED_TARGET libdeflate)  # response gzip (docs/decisions/0001)

file(GLOB CYB_SERVICE_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/services/*.cpp)
add_library(cyb_services STATIC ${CYB_SERVICE_SOURCES})
# Reports and exports read answers through core/text_format (as the pages do) and draw with the output modules.
target_link_libraries(cyb_services PUBLIC cyb_core cyb_definition cyb_store cyb_security cyb_mail ${CYB_OUTPUT_LIBS}
                                    PRIVATE spdlog::spdlog)  # the mail worker's log (never a link)

file(GLOB CYB_WEB_SOURCES CONFIGURE_DEPENDS
     ${CMAKE_SOURCE_DIR}/src/web/*.cpp ${CMAKE_SOURCE_DIR}/src/web/access/*.cpp ${CMAKE_SOURCE_DIR}/src/web/routes/*.cpp
     ${CMAKE_SOURCE_DIR}/src/web/api/*.cpp)
add_library(cyb_web STATIC ${CYB_WEB_SOURCES})
target_link_libraries(cyb_web PUBLIC cyb_services cyb_directory cyb_views ${CYB_OUTPUT_LIBS} cyb_embedded PkgConfig::HTTPLIB PkgConfig::LIBDEFLATE spdlog::spdlog)

target_link_libraries(cyberachat PRIVATE cyb_web)
