// The help page.
#include <gtest/gtest.h>

#include "view_test_support.hpp"
#include "web/views/help_page.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

TEST(HelpPage, ContentTextsRendered) {
    Fixture f;
    const std::string html = render_help_page(f.vendor_context(), *f.questionnaire);
    expect_well_formed(html);
    for (const char* id : {"how_to", "when_to_use", "four_parts", "terminology", "foreword", "attribution"})
        EXPECT_TRUE(contains(html, std::string("id=\"") + id + "\"")) << id;
    EXPECT_TRUE(contains(html, "<strong>influencer l&#39;évaluation et la sélection de l&#39;équipement</strong>"));
    EXPECT_TRUE(contains(html, "<a href=\"https://doi.org/10.34746/ids213\">"));
    const std::string en = render_help_page(f.vendor_context(Language::en), *f.questionnaire);
    EXPECT_TRUE(contains(en, "When to use this questionnaire?"));
}
