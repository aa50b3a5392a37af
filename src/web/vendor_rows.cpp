#include "web/vendor_rows.hpp"

namespace cyberachat::web {

Result<std::vector<views::VendorRow>> vendor_rows(WebApp& app, const Acquisition& acquisition) {
    std::vector<views::VendorRow> rows;
    TRY_ASSIGN(auto responses, app.store->responses.list_for(acquisition.id));
    for (auto& response : responses) {
        views::VendorRow row;
        row.link_active = !response.invite_token_hash.empty();
        TRY_ASSIGN(auto snapshot, app.responses.load(response.id));
        row.progress = snapshot.evaluation.overall.percent();
        row.missing_required = snapshot.evaluation.missing_required.size();
        row.response = std::move(response);
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace cyberachat::web
