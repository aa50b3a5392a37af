#pragma once
#include <string>
#include <string_view>

#include "web/views/page_context.hpp"

namespace cyberachat::web::views {

// The whole HTML document around `body_html` (already-escaped HTML built with HtmlWriter):
// <html lang>, <meta name="csrf-token">, stylesheet and script (/assets/app.css?v=…, /assets/app.js?v=…),
// skip link, header (site name, hospital navigation or vendor language switch, logout form), the
// vendor pages' four-part tabs (part_tabs.hpp, when the context has them),
// flash message, <main id="contenu">, footer with the AFIB attribution.
std::string render_layout(const PageContext& context, std::string_view body_html);

}  // namespace cyberachat::web::views
