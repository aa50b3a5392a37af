#pragma once
// How the hospital's pages name a state (French): a vendor response's status badge, a purchase's status.
#include <string_view>

#include "core/acquisition.hpp"
#include "web/html/html_writer.hpp"

namespace cyberachat::web::views {

// <span class="badge badge-done" data-state="submitted">Soumise</span>, "Brouillon", "Rouverte",
// "Soumise en retard", "Retirée" (core/response_state.hpp).
void write_response_status_badge(html::HtmlWriter& w, const VendorResponse& response);
// "En préparation" / "Ouverte" / "Clôturée" / "Archivée" (core/purchase_lifecycle).
std::string_view acquisition_status_label(const Acquisition& acquisition);

}  // namespace cyberachat::web::views
