#include "web/vendor_rows.hpp"

namespace cyberachat::web {

std::vector<views::VendorRow> vendor_rows(const services::AcquisitionOverview& overview) {
    std::vector<views::VendorRow> rows;
    for (const auto& vendor : overview.vendors)
        rows.push_back(views::VendorRow{vendor.response, vendor.progress, vendor.link_active(), vendor.missing_required});
    return rows;
}

}  // namespace cyberachat::web
