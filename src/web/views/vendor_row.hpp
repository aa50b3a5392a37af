#pragma once
// One vendor of a purchase as the hospital's pages list it (acquisitions_page.hpp, acquisition_page.hpp).
#include <cstddef>

#include "core/acquisition.hpp"

namespace cyberachat::web::views {

struct VendorRow {
    VendorResponse response;
    int progress = 0;          // overall percent
    bool link_active = false;  // an invitation link exists (not revoked)
    size_t missing_required = 0;
};

}  // namespace cyberachat::web::views
