// The four-part tabs above the vendor's pages (web/views/part_tabs.hpp), and the layout that shows them.
#include <gtest/gtest.h>

#include "view_test_support.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/part_tabs.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

TEST(PartTabs, OneTabPerPartLeadingToItsFirstSectionThatApplies) {
    Fixture f;
    const auto tabs = vendor_part_tabs(*f.questionnaire, f.evaluation, Language::fr, 1);
    ASSERT_EQ(tabs.size(), 4u);
    const char* names[] = {"Dispositif", "Serveurs et architecture logicielle", "Logiciels", "Maintenance et sécurité"};
    for (size_t i = 0; i < tabs.size(); ++i) {
        EXPECT_EQ(tabs[i].number, i + 1);
        EXPECT_EQ(tabs[i].name, names[i]);
        EXPECT_EQ(tabs[i].current, i == 1) << i;
        // The first section of the part that applies to this response.
        const Part& part = f.questionnaire->parts[i];
        const Section* first = nullptr;
        for (const auto& section : part.sections)
            if (f.evaluation.sections.at(section.index).visible) {
                first = &section;
                break;
            }
        ASSERT_NE(first, nullptr) << part.id;
        EXPECT_EQ(tabs[i].href, "/vendor/sections/" + first->id);
    }
    EXPECT_EQ(tabs[0].href, "/vendor/sections/dispositif.informations_generales");
    EXPECT_EQ(vendor_part_tabs(*f.questionnaire, f.evaluation, Language::en)[3].name, "Maintenance and security");
    for (const auto& tab : vendor_part_tabs(*f.questionnaire, f.evaluation, Language::fr)) EXPECT_FALSE(tab.current);
}

TEST(PartTabs, APartWhereNothingAppliesLeadsToItsFlowchart) {
    Fixture f;
    const Part& servers = f.questionnaire->parts.at(1);
    for (const auto& section : servers.sections) f.evaluation.sections.at(section.index).visible = false;
    // And a later section of part 3 that applies when its first one does not.
    const Part& software = f.questionnaire->parts.at(2);
    ASSERT_GE(software.sections.size(), 2u);
    f.evaluation.sections.at(software.sections[0].index).visible = false;
    f.evaluation.sections.at(software.sections[1].index).visible = true;
    const auto tabs = vendor_part_tabs(*f.questionnaire, f.evaluation, Language::fr);
    EXPECT_EQ(tabs[1].href, "/vendor/flowcharts/2");
    EXPECT_EQ(tabs[2].href, "/vendor/sections/" + software.sections[1].id);
}

TEST(PartTabs, TheLayoutShowsThemUnderTheHeaderWithTheCurrentPartMarked) {
    Fixture f;
    PageContext context = f.vendor_context();
    context.current_path = "/vendor/sections/dispositif.poste_informatique";
    context.part_tabs = vendor_part_tabs(*f.questionnaire, f.evaluation, Language::fr, 0);
    std::string html = render_layout(context, "<h1>x</h1>");
    const size_t nav = html.find("<nav class=\"part-tabs\" aria-label=\"Parties du questionnaire\">");
    ASSERT_NE(nav, std::string::npos);
    EXPECT_LT(html.find("</header>"), nav);
    EXPECT_LT(nav, html.find("<main id=\"contenu\""));  // the skip link skips them
    EXPECT_EQ(count(html, "<span class=\"part-tab-number\">"), 4u);
    // Part 1 is the page's part; its link leads to another page of it: "true", not "page".
    EXPECT_TRUE(contains(html, "<a href=\"/vendor/sections/dispositif.informations_generales\" class=\"part-tab is-current\" "
                               "aria-current=\"true\"><span class=\"part-tab-number\">Partie 1</span> "
                               "<span class=\"part-tab-name\">Dispositif</span></a>"));
    EXPECT_EQ(count(html, "aria-current="), 1u);
    EXPECT_TRUE(contains(html, "<span class=\"part-tab-number\">Partie 4</span> <span class=\"part-tab-name\">Maintenance et sécurité</span>"));
    // On the page the tab leads to: "page".
    context.current_path = "/vendor/sections/dispositif.informations_generales";
    html = render_layout(context, "<h1>x</h1>");
    EXPECT_TRUE(contains(html, "class=\"part-tab is-current\" aria-current=\"page\""));
    // In English.
    PageContext en = f.vendor_context(Language::en);
    en.part_tabs = vendor_part_tabs(*f.questionnaire, f.evaluation, Language::en);
    html = render_layout(en, "<h1>x</h1>");
    EXPECT_TRUE(contains(html, "aria-label=\"Parts of the questionnaire\""));
    EXPECT_TRUE(contains(html, "<span class=\"part-tab-number\">Part 2</span> <span class=\"part-tab-name\">Servers and software architecture</span>"));
    EXPECT_FALSE(contains(html, "aria-current="));
    // Without tabs (the hospital's pages), none.
    EXPECT_FALSE(contains(render_layout(f.hospital_context(), "<h1>x</h1>"), "part-tabs"));
}
