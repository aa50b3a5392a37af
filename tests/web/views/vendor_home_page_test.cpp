// The vendor's home page.
#include <gtest/gtest.h>

#include "view_test_support.hpp"
#include "web/views/vendor_home_page.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

TEST(VendorHomePage, PartsSectionsAndNextStep) {
    Fixture f;
    f.answer("dispositif.designation", "Écho");
    const std::string html = render_vendor_home_page(f.vendor_context(), f.view());
    expect_well_formed(html);
    for (const auto& part : f.questionnaire->parts) EXPECT_TRUE(contains(html, "id=\"part-" + part.id + "\""));
    EXPECT_TRUE(contains(html, "href=\"/vendor/sections/dispositif.informations_generales\" data-section-link"));
    EXPECT_FALSE(contains(html, "href=\"/vendor/sections/dispositif.prerequis_poste\""));  // does not apply yet
    EXPECT_TRUE(contains(html, "Continuer le questionnaire"));
    EXPECT_TRUE(contains(html, "href=\"/vendor/review\""));
    EXPECT_TRUE(contains(html, "31/03/2027"));
    EXPECT_TRUE(contains(html, "Quand utiliser ce questionnaire"));
    EXPECT_TRUE(contains(html, "<details class=\"note\">"));
    EXPECT_TRUE(contains(html, "data-progress=\"overall\""));
    const std::string en = render_vendor_home_page(f.vendor_context(Language::en), f.view());
    EXPECT_TRUE(contains(en, "31 March 2027"));
    EXPECT_TRUE(contains(en, "Continue the questionnaire"));
}
