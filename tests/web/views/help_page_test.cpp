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

TEST(HelpPage, TheLegendShowsThePictogramOfEachAnswerKind) {
    Fixture f;
    const std::string html = render_help_page(f.vendor_context(), *f.questionnaire);
    const size_t table = html.find("<table class=\"data-table legend\">");
    ASSERT_NE(table, std::string::npos);
    const std::string legend = html.substr(table, html.find("</table>", table) - table);
    EXPECT_TRUE(contains(legend, "<th scope=\"col\">Pictogramme</th>"));
    // The same drawings as beside the questions, with their words for assistive technologies.
    for (const auto& [name, words] : std::vector<std::pair<std::string, std::string>>{
             {"yes-no", "oui / non"}, {"text", "texte"}, {"document", "document"}, {"number", "chiffre"}, {"choice", "choix"}}) {
        EXPECT_EQ(count(legend, "class=\"kind-icon kind-icon-" + name + "\""), 1u) << name;
        EXPECT_TRUE(contains(legend, "<span class=\"visually-hidden\">Pictogramme " + words + "</span>")) << name;
    }
    EXPECT_TRUE(contains(legend, "kind-icon-info"));
    EXPECT_TRUE(contains(legend, "Onglets des 4 parties"));
    EXPECT_TRUE(contains(legend, "(ajouté par Cyberachat) Type de réponse\u00A0: choix"));
    const std::string en = render_help_page(f.vendor_context(Language::en), *f.questionnaire);
    EXPECT_TRUE(contains(en, "<span class=\"visually-hidden\">Pictogram yes / no</span>"));
    EXPECT_TRUE(contains(en, "Answer type: number"));
}
