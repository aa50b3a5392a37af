#pragma once
// The vendors of a purchase with their progress, as the hospital pages list them.
#include <vector>

#include "web/views/vendor_row.hpp"
#include "web/web_app.hpp"

namespace cyberachat::web {

Result<std::vector<views::VendorRow>> vendor_rows(WebApp& app, const Acquisition& acquisition);

}  // namespace cyberachat::web
