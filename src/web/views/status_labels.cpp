#include "web/views/status_labels.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

std::string_view acquisition_status_label(const Acquisition& acquisition) {
    return acquisition.status == "closed" ? "Clôturé" : "En cours";
}

void write_response_status_badge(HtmlWriter& w, const VendorResponse& response) {
    const bool submitted = response.status == ResponseStatus::submitted;
    w.element("span", {{"class", submitted ? "badge badge-done" : "badge badge-draft"}},
              submitted ? "Soumis" : "Brouillon");
}

}  // namespace cyberachat::web::views
