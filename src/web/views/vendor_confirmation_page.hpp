#pragma once
// GET /vendor/confirmation: printable receipt (purchase, company, submitted time, number of answers
// and documents with their SHA-256), a "Imprimer" button (window.print via app.js, no inline JS).
#include <string>

#include "web/views/page_context.hpp"
#include "web/views/response_view.hpp"

namespace cyberachat::web::views {

std::string render_vendor_confirmation_page(const PageContext& context, const ResponseView& view);

}  // namespace cyberachat::web::views
