# XLSX output module: the questionnaire as an Excel workbook (libxlsxwriter) and the reading of a
# filled workbook back (libzip + pugixml), with the import plan computed from it.
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(PUGIXML REQUIRED IMPORTED_TARGET pugixml)
file(GLOB CYB_XLSX_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/outputs/xlsx/*.cpp)
add_library(cyb_xlsx STATIC ${CYB_XLSX_SOURCES})
# libzip is public: the unit tests build small archives by hand (inline strings, no cell references…).
target_link_libraries(cyb_xlsx PUBLIC cyb_core PkgConfig::LIBZIP PRIVATE PkgConfig::XLSXWRITER PkgConfig::PUGIXML)
list(APPEND CYB_OUTPUT_LIBS cyb_xlsx)
