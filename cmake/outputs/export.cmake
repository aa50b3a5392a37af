# Exports of a purchase: CSV (French Excel), and the zip archive (libzip) written and read back.
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
file(GLOB CYB_EXPORT_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/outputs/export/*.cpp)
add_library(cyb_export STATIC ${CYB_EXPORT_SOURCES})
target_link_libraries(cyb_export PUBLIC cyb_core PRIVATE PkgConfig::LIBZIP)
list(APPEND CYB_OUTPUT_LIBS cyb_export)
