// The form of a purchase (new, edit).
#include <gtest/gtest.h>

#include "view_test_support.hpp"
#include "web/views/acquisition_form_page.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

TEST(AcquisitionPages, FormRedisplaysValuesAndErrors) {
    Fixture f;
    Acquisition values = f.acquisition;
    values.title = kPageAttack;
    const std::string html =
        render_acquisition_form_page(f.hospital_context(), values, {{"title", "L'intitulé est obligatoire."}}, true);
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "<form method=\"post\" action=\"/acquisitions\""));
    EXPECT_TRUE(contains(html, "name=\"_csrf\""));
    for (const char* field : {"title", "equipment", "service", "reference", "deadline", "notes"})
        EXPECT_TRUE(contains(html, std::string("name=\"") + field + "\"")) << field;
    EXPECT_TRUE(contains(tag_with_id(html, "deadline"), "type=\"date\""));
    EXPECT_TRUE(contains(tag_with_id(html, "title"), "aria-invalid=\"true\""));
    EXPECT_TRUE(contains(tag_with_id(html, "title"), "aria-describedby=\"help-title err-title\""));
    EXPECT_TRUE(contains(html, "L&#39;intitulé est obligatoire."));
    EXPECT_FALSE(contains(html, "<script>alert"));
    const std::string edit = render_acquisition_form_page(f.hospital_context(), f.acquisition, {}, false);
    EXPECT_TRUE(contains(edit, "action=\"/acquisitions/7\""));
}
