// The vendor's receipt.
#include <gtest/gtest.h>

#include "view_test_support.hpp"
#include "web/views/vendor_confirmation_page.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

TEST(VendorConfirmationPage, ReceiptWithDocumentsAndPrintButton) {
    Fixture f;
    f.response.status = ResponseStatus::submitted;
    f.response.submitted_at = "2026-11-29T10:15:00Z";
    f.answer("dispositif.classe_ce_93_42", "iia");
    f.add_document("dispositif.certificat_ce_93_42", 5, "certificat.pdf");
    const std::string html = render_vendor_confirmation_page(f.vendor_context(), f.view());
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "data-print"));
    EXPECT_TRUE(contains(html, "certificat.pdf"));
    EXPECT_TRUE(contains(html, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
    EXPECT_TRUE(contains(html, "121\u00A0Ko"));
    EXPECT_TRUE(contains(html, "href=\"/api/v1/vendor/report.pdf\""));  // its own answers as PDF
    EXPECT_TRUE(contains(html, "29/11/2026 à 11\u00A0h\u00A015"));
}
