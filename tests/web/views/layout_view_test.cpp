// The layout around every page: document structure, the hospital's header, the vendor's language switch.
#include <gtest/gtest.h>

#include "view_test_support.hpp"
#include "web/views/asset_catalog.hpp"
#include "web/views/layout_view.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

TEST(Layout, DocumentStructure) {
    PageContext context;
    context.title = "Titre " + kPageAttack;
    context.csrf_token = "tok\"en";
    context.flash = "Enregistré " + kPageAttack;
    const std::string html = render_layout(context, "<h1>x</h1>");
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_TRUE(contains(html, "<html lang=\"fr\">"));
    EXPECT_TRUE(contains(html, "<meta name=\"csrf-token\" content=\"tok&quot;en\">"));
    // The content-hashed names, which browsers keep a year without asking again.
    EXPECT_TRUE(contains(html, "<link rel=\"stylesheet\" href=\"" + asset_url("app.css") + "\">"));
    EXPECT_TRUE(contains(html, "<script src=\"" + asset_url("app.js") + "\" defer>"));
    EXPECT_TRUE(contains(html, "<link rel=\"icon\" type=\"image/svg+xml\" href=\"" + asset_url("favicon.svg") + "\">"));
    EXPECT_FALSE(contains(html, "?v="));
    EXPECT_TRUE(contains(html, " defer></script>"));
    EXPECT_TRUE(contains(html, ">Aller au contenu</a>"));
    EXPECT_TRUE(contains(html, "<main id=\"contenu\""));
    EXPECT_TRUE(contains(html, "<header"));
    EXPECT_TRUE(contains(html, "<footer"));
    EXPECT_TRUE(contains(html, "AFIB"));
    EXPECT_FALSE(contains(html, "<script>alert"));
    EXPECT_EQ(count(html, "<script"), 1u);  // no inline script
    EXPECT_FALSE(contains(html, " style=\""));
    EXPECT_FALSE(contains(html, " onclick="));
}

TEST(Layout, HospitalHeaderHasNavigationAndLogout) {
    Fixture f;
    const std::string html = render_layout(f.hospital_context(), "<h1>x</h1>");
    EXPECT_TRUE(contains(html, "href=\"/acquisitions\" aria-current=\"page\""));
    EXPECT_TRUE(contains(html, "<form method=\"post\" action=\"/logout\""));
    EXPECT_TRUE(contains(html, "ingenieur@chu.example"));
    EXPECT_FALSE(contains(html, "/vendor/language"));
}

TEST(Layout, VendorHeaderHasLanguageSwitch) {
    Fixture f;
    PageContext context = f.vendor_context();
    context.current_path = "/vendor/sections/dispositif.poste_informatique";
    const std::string html = render_layout(context, "<h1>x</h1>");
    EXPECT_TRUE(contains(html, "<form method=\"post\" action=\"/vendor/language\""));
    EXPECT_TRUE(contains(html, "name=\"return\" value=\"/vendor/sections/dispositif.poste_informatique\""));
    EXPECT_TRUE(contains(html, "name=\"language\" value=\"en\" lang=\"en\""));
    EXPECT_FALSE(contains(html, "/logout"));
    const std::string en = render_layout(f.vendor_context(Language::en), "<h1>x</h1>");
    EXPECT_TRUE(contains(en, "<html lang=\"en\">"));
    EXPECT_TRUE(contains(en, "name=\"language\" value=\"fr\" lang=\"fr\""));
}
