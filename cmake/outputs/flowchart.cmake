# Flowcharts (logigrammes) of the questionnaire's parts, laid out with Graphviz (libgvc).
pkg_check_modules(GVC REQUIRED IMPORTED_TARGET libgvc)
file(GLOB CYB_FLOWCHART_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/outputs/flowchart/*.cpp)
add_library(cyb_flowchart STATIC ${CYB_FLOWCHART_SOURCES})
target_link_libraries(cyb_flowchart PUBLIC cyb_core PRIVATE PkgConfig::GVC)
list(APPEND CYB_OUTPUT_LIBS cyb_flowchart)
