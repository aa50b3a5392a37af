#pragma once
// How the hospital's pages name a state (French): a vendor response's status badge, a purchase's status.
#include <string_view>

#include "core/acquisition.hpp"
#include "web/html/html_writer.hpp"

namespace cyberachat::web::views {

// <span class="badge badge-done">Soumis</span> / <span class="badge badge-draft">Brouillon</span>, and
// "Rouverte", "Soumise en retard" (badge-late), "Retirée" (badge-withdrawn) (core/response_state).
void write_response_status_badge(html::HtmlWriter& w, const VendorResponse& response);
// "En préparation" / "Ouverte" / "Clôturée" / "Archivée" (core/purchase_lifecycle).
std::string_view acquisition_status_label(const Acquisition& acquisition);

}  // namespace cyberachat::web::views
