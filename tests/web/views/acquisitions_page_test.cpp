// The list of purchases.
#include <gtest/gtest.h>

#include "view_test_support.hpp"
#include "web/views/acquisitions_page.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

TEST(AcquisitionPages, ListShowsPurchasesAndVendors) {
    Fixture f;
    AcquisitionRow row{f.acquisition, {}};
    VendorRow vendor{f.response, 45, true, 3};
    vendor.response.company = kPageAttack;
    row.vendors.push_back(vendor);
    const std::string html = render_acquisitions_page(f.hospital_context(), {row});
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "href=\"/acquisitions/new\""));
    EXPECT_TRUE(contains(html, "href=\"/acquisitions/7\""));
    EXPECT_TRUE(contains(html, "31/03/2027"));
    EXPECT_TRUE(contains(html, "<th scope=\"col\">"));
    EXPECT_TRUE(contains(html, "<progress max=\"100\" value=\"45\""));
    EXPECT_TRUE(contains(html, "45\u202F%"));
    EXPECT_FALSE(contains(html, "<script>alert"));
    const std::string empty = render_acquisitions_page(f.hospital_context(), {});
    expect_well_formed(empty);
    EXPECT_TRUE(contains(empty, "Aucun achat"));
}
