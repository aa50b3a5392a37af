#include "web/views/status_labels.hpp"

#include "core/purchase_lifecycle.hpp"
#include "core/response_state.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

std::string_view acquisition_status_label(const Acquisition& acquisition) {
    return purchase_status_label(parse_purchase_status(acquisition.status).value_or(PurchaseStatus::open));
}

void write_response_status_badge(HtmlWriter& w, const VendorResponse& response) {
    const ResponseState state = response_state(response);
    const char* css = "badge badge-draft";
    std::string label = "Brouillon";
    switch (state) {
        case ResponseState::draft: break;
        case ResponseState::reopened: label = "Rouverte"; break;
        case ResponseState::submitted: css = "badge badge-done"; label = "Soumis"; break;
        case ResponseState::late: css = "badge badge-late"; label = "Soumise en retard"; break;
        case ResponseState::withdrawn: css = "badge badge-withdrawn"; label = "Retirée"; break;
    }
    w.element("span", {{"class", css}, {"data-state", std::string(response_state_name(state))}}, label);
}

}  // namespace cyberachat::web::views
