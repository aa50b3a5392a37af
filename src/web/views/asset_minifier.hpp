#pragma once
// What the browser needs of our stylesheet and script, without what is there for their readers:
// comments, indentation, blank lines. Line breaks are kept (a script's automatic semicolons, and a
// line of the served file still matches a line of the source). Deliberately simple, for our own
// two files only: a stylesheet whose strings hold no "/*", a script whose comments are whole
// lines and which has no multi-line string or template literal — both
// checked by tests/web/views/asset_minifier_test.cpp against the real files.
#include <string>
#include <string_view>

namespace cyberachat::web::views {

// CSS: /* comments */ removed (anywhere, over several lines), each line trimmed, blank lines dropped.
std::string minify_css(std::string_view css);

// JS: lines that are only a comment ("// …", or a "/* … */" that begins a line, over as many lines
// as it takes) removed, each line trimmed, blank lines dropped.
std::string minify_js(std::string_view js);

}  // namespace cyberachat::web::views
