// The market statistics page from hand-made results: well formed, hidden statistics said as such,
// the charts as accessible SVG with their bars, titles escaped, the filter form kept.
#include <gtest/gtest.h>

#include "view_test_support.hpp"
#include "web/views/statistics_page.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

namespace {

FavourableShare share(size_t favourable, size_t graded) {
    FavourableShare out;
    out.favourable = favourable;
    out.graded = graded;
    return out;
}

FavourableShare hidden_share() {
    FavourableShare out;
    out.hidden = Hidden::few_vendors;
    return out;
}

StatisticsPageData shown_data() {
    StatisticsPageData data;
    data.purchases = {{7, "Moniteurs <2027>"}, {8, "Pompes"}};
    data.filter.purchase_id = 7;
    data.query = "purchase=7";
    MarketStatistics& s = data.statistics;
    s.responses = 5;
    s.vendors = 4;
    s.purchases = 2;
    s.favourable = share(6, 10);
    s.parts = {{"p1", {"Dispositif <médical>", ""}, share(3, 4)}, {"p2", {"Serveurs", ""}, hidden_share()}};
    QuestionStatistics yes_no;
    yes_no.question_id = "p1.q";
    yes_no.kind = QuestionKind::yes_no;
    yes_no.label = {"Poste standard ?", ""};
    yes_no.part_id = "p1";
    yes_no.part_title = {"Dispositif <médical>", ""};
    yes_no.applicable = yes_no.answered = 5;
    yes_no.vendors = 4;
    yes_no.distribution = {{"oui", {"Oui", "Yes"}, 3}, {"non", {"Non", "No"}, 2}};
    yes_no.favourable = share(3, 5);
    QuestionStatistics hidden;
    hidden.question_id = "p2.q";
    hidden.label = {"Mises à jour", ""};
    hidden.part_id = "p2";
    hidden.part_title = {"Serveurs", ""};
    hidden.hidden = Hidden::few_vendors;
    hidden.favourable = hidden_share();
    s.questions = {yes_no, hidden};
    s.vigilance = {{"p1.q", {"Poste standard ?", ""}, Severity::major, Hidden::no, 2, 5}};
    s.periods = {{"2026-T1", Hidden::no, 3, share(2, 4)}, {"2026-T2", Hidden::few_vendors, 0, hidden_share()}};
    return data;
}

}  // namespace

TEST(StatisticsPage, ShowsEverySectionAndSaysWhatIsHidden) {
    Fixture fixture;
    const std::string html = render_statistics_page(fixture.hospital_context(), shown_data());
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "data-summary=\"responses\">5<"));
    EXPECT_TRUE(contains(html, "Oui\u00A0: 3 (60\u202F%) · Non\u00A0: 2 (40\u202F%)"));
    EXPECT_TRUE(contains(html, "3 sur 5 (60\u202F%)"));
    EXPECT_TRUE(contains(html, "<tr data-question=\"p2.q\" data-hidden>"));
    EXPECT_GE(count(html, "Moins de 3 fournisseurs : masqué"), 3u) << "a part, a question, a period";
    EXPECT_TRUE(contains(html, "<td>Majeur</td>"));
    EXPECT_TRUE(contains(html, "Moniteurs &lt;2027&gt;"));
    EXPECT_FALSE(contains(html, "Moniteurs <2027>"));
    EXPECT_TRUE(contains(html, "<option value=\"7\" selected>"));
    EXPECT_TRUE(contains(html, "href=\"/statistics.csv?purchase=7\""));
    EXPECT_FALSE(contains(html, "<script>")) << "no inline script (the layout's are files)";
    EXPECT_FALSE(contains(html, " style="));
}

TEST(StatisticsPage, ChartsAreAccessibleSvgWithABarPerShownValue) {
    const StatisticsPageData data = shown_data();
    const std::string parts = render_part_share_chart_svg(data.statistics);
    EXPECT_TRUE(contains(parts, "role=\"img\""));
    EXPECT_TRUE(contains(parts, "aria-labelledby=\"part-chart-title part-chart-desc\""));
    EXPECT_EQ(count(parts, "<rect"), 1u) << "the hidden part has no bar";
    EXPECT_TRUE(contains(parts, "data-share=\"75\""));
    EXPECT_TRUE(contains(parts, "Dispositif &lt;médical&gt;"));
    EXPECT_TRUE(contains(parts, ">masqué<"));
    const std::string evolution = render_evolution_chart_svg(data.statistics);
    EXPECT_TRUE(contains(evolution, "role=\"img\""));
    EXPECT_EQ(count(evolution, "<rect"), 1u);
    EXPECT_TRUE(contains(evolution, "data-period=\"2026-T1\" data-share=\"50\""));
    EXPECT_EQ(render_part_share_chart_svg(MarketStatistics{}), "");
    EXPECT_EQ(render_evolution_chart_svg(MarketStatistics{}), "");
}

TEST(StatisticsPage, AHiddenPageShowsOnlyTheFormAndTheReason) {
    Fixture fixture;
    StatisticsPageData data;
    data.statistics.hidden = Hidden::few_vendors;
    data.errors["from"] = "Date invalide (AAAA-MM-JJ ou JJ/MM/AAAA) : ignorée.";
    const std::string html = render_statistics_page(fixture.hospital_context(), data);
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "id=\"statistics-hidden\""));
    EXPECT_TRUE(contains(html, "Date invalide"));
    EXPECT_FALSE(contains(html, "<svg"));
    EXPECT_FALSE(contains(html, "data-summary"));
}
