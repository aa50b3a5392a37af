// One purchase with its vendors and the invitation link shown once.
#include <gtest/gtest.h>

#include "view_test_support.hpp"
#include "web/views/acquisition_page.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

TEST(AcquisitionPages, PurchasePageWithVendorsAndReveal) {
    Fixture f;
    VendorRow draft{f.response, 30, true, 12};
    VendorRow submitted{f.response, 100, false, 0};
    submitted.response.id = 43;
    submitted.response.company = "Beta";
    submitted.response.status = ResponseStatus::submitted;
    submitted.response.submitted_at = "2026-07-01T08:00:00Z";
    InvitationReveal reveal{42, "Acme Médical", "https://cyberachat.example/invitation/abcdef"};
    const std::string html = render_acquisition_page(f.hospital_context(), f.acquisition, "AFIB 2024.1",
                                                     {draft, submitted}, reveal, {{"company", "Société obligatoire."}},
                                                     {{"email", kPageAttack}});
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "href=\"/acquisitions/7/edit\""));
    EXPECT_TRUE(contains(html, "AFIB 2024.1"));
    EXPECT_TRUE(contains(html, "href=\"/responses/42\""));
    EXPECT_TRUE(contains(html, "action=\"/responses/42/regenerate\""));
    EXPECT_TRUE(contains(html, "action=\"/responses/42/revoke\""));
    EXPECT_FALSE(contains(html, "action=\"/responses/42/reopen\""));
    EXPECT_TRUE(contains(html, "action=\"/responses/43/reopen\""));
    EXPECT_TRUE(contains(html, "Régénérer le lien"));
    EXPECT_TRUE(contains(html, "01/07/2026 à 10\u00A0h\u00A000"));  // Paris summer time
    EXPECT_TRUE(contains(html, "<form method=\"post\" action=\"/acquisitions/7/vendors\""));
    for (const char* field : {"company", "contact_name", "email", "language"})
        EXPECT_TRUE(contains(html, std::string("name=\"") + field + "\"")) << field;
    EXPECT_TRUE(contains(tag_with_id(html, "vendor-company"), "aria-invalid=\"true\""));
    EXPECT_TRUE(contains(html, "value=\"https://cyberachat.example/invitation/abcdef\" readonly"));
    EXPECT_TRUE(contains(html, "data-copy=\"#invitation-link\""));
    // The purchase's report and exports.
    for (const char* file : {"report.pdf", "export.csv", "export.json", "archive.zip"})
        EXPECT_TRUE(contains(html, std::string("href=\"/api/v1/acquisitions/7/") + file + "\"")) << file;
    EXPECT_FALSE(contains(html, "<script>alert"));
    // Each form has its CSRF field.
    EXPECT_EQ(count(html, "<form"), count(html, "name=\"_csrf\""));
}

// An observer's page: what it may not do is not offered (the server refuses it anyway).
TEST(AcquisitionPages, AnObserverSeesNoActionItMayNotTake) {
    Fixture f;
    VendorRow submitted{f.response, 100, true, 0};
    submitted.response.status = ResponseStatus::submitted;
    PageContext context = f.hospital_context();
    context.rights = PurchaseRights{false, false, false, false, false, false, true, false};
    const std::string html = render_acquisition_page(context, f.acquisition, "AFIB 2024.1", {submitted}, std::nullopt, {}, {});
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "href=\"/responses/42\""));             // reads the response
    EXPECT_TRUE(contains(html, "href=\"/acquisitions/7/members\""));   // sees the team
    for (const char* absent : {"/acquisitions/7/edit", "/responses/42/regenerate", "/responses/42/revoke",
                               "/responses/42/reopen", "/acquisitions/7/vendors", "report.pdf", "export.csv"})
        EXPECT_FALSE(contains(html, absent)) << absent;
}
