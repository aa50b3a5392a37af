#pragma once
// Text made safe inside HTML, SVG or XML, as content or attribute value: & < > " ' become
// entities. The one escaping of the project: the HTML writer (web/html), the flowcharts' SVG
// (outputs/flowchart) and the e-mails' HTML (mail/) all go through it.
#include <string>
#include <string_view>

namespace cyberachat {

void append_markup_escaped(std::string& out, std::string_view text);
std::string markup_escaped(std::string_view text);

}  // namespace cyberachat
