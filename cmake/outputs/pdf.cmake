# PDF reports (the blank questionnaire, a response, a purchase): cairo + pango, flowcharts drawn from
# their SVG with librsvg. The report model (outputs/pdf/report_model.hpp) is plain data.
pkg_check_modules(PDF_LIBS REQUIRED IMPORTED_TARGET cairo pangocairo librsvg-2.0)
file(GLOB CYB_PDF_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/outputs/pdf/*.cpp)
add_library(cyb_pdf STATIC ${CYB_PDF_SOURCES})
target_link_libraries(cyb_pdf PUBLIC cyb_core PRIVATE PkgConfig::PDF_LIBS)
list(APPEND CYB_OUTPUT_LIBS cyb_pdf)
