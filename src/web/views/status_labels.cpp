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
    const char* style = "badge badge-draft";
    if (state == ResponseState::submitted) style = "badge badge-done";
    if (state == ResponseState::late) style = "badge badge-late";
    if (state == ResponseState::withdrawn) style = "badge badge-withdrawn";
    w.element("span", {{"class", style}, {"data-state", response_state_name(state)}},
              response_state_label(state, Language::fr));
}

}  // namespace cyberachat::web::views
