// The flowchart page: the inline SVG as given, the tabs, the legend of statuses, the text version.
#include <gtest/gtest.h>

#include "view_test_support.hpp"
#include "web/views/flowchart_page.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

namespace {

FlowchartPage sample_page(bool with_statuses) {
    FlowchartPage page;
    page.kicker = "Medica <SA>";
    page.heading = "Logigramme de la partie 1 — Dispositif";
    page.svg = "<svg role=\"group\" aria-label=\"Logigramme\"><g id=\"fc-entry\"></g></svg>";
    page.items = {{"Début de la partie 1", "Début", "", false},
                  {"Poste informatique", "✓ complet", "/vendor/sections/dispositif.poste_informatique", false},
                  {"Poste standard ?", "Réponse\u00A0: Oui", "/vendor/sections/dispositif.poste_informatique#q-x", true},
                  {"Matériel <fourni>", "sans objet", "", false}};
    page.tabs = {{"Vue d'ensemble", "/vendor/flowcharts", false}, {"Partie 1 — Dispositif", "/vendor/flowcharts/1", true}};
    page.with_statuses = with_statuses;
    page.back_href = "/vendor";
    page.back_label = "Retour";
    page.svg_href = "/api/v1/vendor/flowcharts/1.svg";
    return page;
}

}  // namespace

TEST(FlowchartPage, ShowsTheChartItsTabsAndItsTextVersion) {
    PageContext context;
    context.vendor = true;
    const std::string html = render_flowchart_page(context, sample_page(true));
    EXPECT_TRUE(contains(html, "<svg role=\"group\" aria-label=\"Logigramme\"><g id=\"fc-entry\"></g></svg>")) << "inline, as given";
    EXPECT_TRUE(contains(html, "<h1 id=\"page-title\">Logigramme de la partie 1 — Dispositif</h1>"));
    EXPECT_TRUE(contains(html, "Medica &lt;SA&gt;"));
    EXPECT_TRUE(contains(html, "<a href=\"/vendor/flowcharts/1\" aria-current=\"page\">Partie 1 — Dispositif</a>"));
    EXPECT_TRUE(contains(html, "<a href=\"/vendor/flowcharts\">Vue d&#39;ensemble</a>"));
    EXPECT_TRUE(contains(html, "<a href=\"/vendor/sections/dispositif.poste_informatique\">Poste informatique</a>"));
    EXPECT_TRUE(contains(html, "Décision\u00A0: <a href=\"/vendor/sections/dispositif.poste_informatique#q-x\">"));
    EXPECT_TRUE(contains(html, "Matériel &lt;fourni&gt; — <span class=\"flowchart-status\">sans objet</span>"));
    EXPECT_TRUE(contains(html, "class=\"legend-na\""));
    EXPECT_TRUE(contains(html, "href=\"/api/v1/vendor/flowcharts/1.svg\" download"));
    EXPECT_TRUE(contains(html, "<a href=\"/vendor\">Retour</a>"));
}

TEST(FlowchartPage, NoLegendWithoutAResponseAndEnglishForVendors) {
    PageContext context;
    context.language = Language::en;
    const std::string plain = render_flowchart_page(context, sample_page(false));
    EXPECT_FALSE(contains(plain, "legend-na"));
    EXPECT_TRUE(contains(plain, "Text version"));
    const std::string with = render_flowchart_page(context, sample_page(true));
    EXPECT_TRUE(contains(with, "&quot;not applicable&quot; (dashed border"));
}
