// The vendor's review and submit page.
#include <gtest/gtest.h>

#include "view_test_support.hpp"
#include "web/views/vendor_review_page.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

TEST(VendorReviewPage, MissingAnswersAndDisabledSubmit) {
    Fixture f;
    const std::string html = render_vendor_review_page(f.vendor_context(), f.view());
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "href=\"/vendor/sections/dispositif.informations_generales#q-dispositif.designation\""));
    EXPECT_TRUE(contains(html, "<form method=\"post\" action=\"/vendor/submit\""));
    EXPECT_TRUE(contains(html, "disabled aria-describedby=\"submit-help\""));
    EXPECT_TRUE(contains(html, "href=\"/api/v1/vendor/report.pdf\""));
    f.response.status = ResponseStatus::submitted;
    f.response.submitted_at = "2026-01-15T09:00:00Z";
    const std::string submitted = render_vendor_review_page(f.vendor_context(), f.view());
    expect_well_formed(submitted);
    EXPECT_TRUE(contains(submitted, "Soumis le 15/01/2026 à 10\u00A0h\u00A000"));
    EXPECT_FALSE(contains(submitted, "/vendor/submit"));
}
