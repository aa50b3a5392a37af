#pragma once
// The vendors of a purchase with their progress, as the hospital pages list them.
#include <vector>

#include "services/acquisition_overview.hpp"
#include "web/views/vendor_row.hpp"

namespace cyberachat::web {

std::vector<views::VendorRow> vendor_rows(const services::AcquisitionOverview& overview);

}  // namespace cyberachat::web
