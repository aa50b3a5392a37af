// The comparison page with its SVG chart, rendered from hand-made answers with the built-in grid.
#include <gtest/gtest.h>

#include <functional>
#include <regex>

#include "core/utf8.hpp"

#include "core/comparison.hpp"
#include "core/scoring.hpp"
#include "definition/builtin_grid.hpp"
#include "view_test_support.hpp"
#include "web/views/comparison_page.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

namespace {

// Eight vendors: vendor i answers "non" about the gateway when i is odd, and a company name
// that needs escaping for the last one.
struct EightVendors {
    std::vector<Fixture> fixtures = std::vector<Fixture>(8);
    std::vector<AnswerSet> sets;
    std::vector<ScoreCard> cards;
    std::shared_ptr<const ScoringGrid> grid = builtin_afib_grid();

    // `adjust`: changes to the vendors (names, more answers) before they are scored.
    explicit EightVendors(const std::function<void(std::vector<Fixture>&)>& adjust = {}) {
        for (size_t i = 0; i < fixtures.size(); ++i) {
            Fixture& f = fixtures[i];
            f.response.id = static_cast<Id>(100 + i);
            f.response.company = i == 7 ? "<Bio & Co>" : "Fournisseur " + std::to_string(i + 1);
            f.answer("maintenance.passerelle_securisee", i % 2 ? "non" : "oui");
            f.answer("maintenance.absence_compte_code_en_dur", "oui");
            f.answer("dispositif.designation", "Moniteur");
        }
        if (adjust) adjust(fixtures);
        for (const Fixture& f : fixtures) sets.push_back(f.answer_set());
        for (size_t i = 0; i < fixtures.size(); ++i)
            cards.push_back(score(*fixtures[i].questionnaire, *grid, sets[i], fixtures[i].evaluation));
    }

    std::vector<ComparedResponse> compared() const {
        std::vector<ComparedResponse> out;
        for (size_t i = 0; i < fixtures.size(); ++i) out.push_back({&sets[i], &fixtures[i].evaluation, &cards[i]});
        return out;
    }

    std::string render(const ComparisonFilter& filter) const {
        const auto rows = compare_responses(*fixtures[0].questionnaire, compared());
        ComparisonPage page{fixtures[0].acquisition, *fixtures[0].questionnaire, *grid, {}, rows, ranking(compared()), filter};
        for (size_t i = 0; i < fixtures.size(); ++i)
            page.vendors.push_back({fixtures[i].response, cards[i], fixtures[i].documents});
        return render_comparison_page(fixtures[0].hospital_context(), page);
    }

    std::string chart() const {
        std::vector<ComparedVendor> vendors;
        for (size_t i = 0; i < fixtures.size(); ++i) vendors.push_back({fixtures[i].response, cards[i], fixtures[i].documents});
        return render_score_chart_svg(*fixtures[0].questionnaire, vendors);
    }
};

// The row of one question in the comparison table: from its <tr> to its </tr>.
std::string comparison_row(const std::string& html, const std::string& question_id) {
    const size_t start = html.find("data-question=\"" + question_id + "\"");
    if (start == std::string::npos) return {};
    return html.substr(start, html.find("</tr>", start) - start);
}

// The cells (<td>…</td>) of a row, in vendor order.
std::vector<std::string> row_cells(const std::string& row) {
    std::vector<std::string> cells;
    for (size_t at = row.find("<td"); at != std::string::npos; at = row.find("<td", at + 1))
        cells.push_back(row.substr(at, row.find("</td>", at) - at));
    return cells;
}

}  // namespace

TEST(ComparisonPage, ShowsEightVendorsSideBySideWithChartAndRanking) {
    EightVendors vendors;
    const std::string html = vendors.render({});
    expect_well_formed(html);
    // The chart: one bar per vendor per part and overall, with text alternatives.
    EXPECT_EQ(count(html, "<rect "), 8u * 5u);
    EXPECT_TRUE(contains(html, "role=\"img\""));
    EXPECT_TRUE(contains(html, "<desc id=\"chart-desc\">"));
    // Escaped everywhere (table headers, chart titles, legend).
    EXPECT_FALSE(contains(html, "<Bio & Co>"));
    EXPECT_TRUE(contains(html, "&lt;Bio &amp; Co&gt;"));
    // Rows: one per question, one cell per vendor; the gateway differs and is a point de vigilance.
    const std::string gateway = tag_with_id(html, "s-maintenance.generalites_telemaintenance");
    EXPECT_FALSE(gateway.empty());
    EXPECT_TRUE(contains(html, "data-question=\"maintenance.passerelle_securisee\" data-differs=\"1\" data-vigilance=\"1\""));
    EXPECT_TRUE(contains(html, "data-question=\"dispositif.designation\" data-differs=\"0\" data-vigilance=\"0\""));
    // Each unfavourable cell says so in text (not by colour alone); four vendors refuse the gateway.
    EXPECT_EQ(count(html, "⚠ Point de vigilance"), count(html, "cell-unfavourable"));
    EXPECT_GE(count(html, "cell-unfavourable"), 4u);
    // The ranking puts the vendors who accept the gateway first, as information.
    EXPECT_TRUE(contains(html, "Classement global (à titre d&#39;information)"));
    EXPECT_LT(html.find("<li data-vendor=\"100\""), html.find("<li data-vendor=\"101\""));
    EXPECT_TRUE(contains(html, "elle n&#39;élimine aucun fournisseur"));
}

TEST(ComparisonPage, FiltersDifferencesVigilanceAndPart) {
    EightVendors vendors;
    ComparisonFilter differences;
    differences.only_differences = true;
    const std::string only_differences = vendors.render(differences);
    EXPECT_TRUE(contains(only_differences, "data-question=\"maintenance.passerelle_securisee\""));
    EXPECT_FALSE(contains(only_differences, "data-question=\"dispositif.designation\""));
    EXPECT_FALSE(contains(only_differences, "data-differs=\"0\""));
    EXPECT_TRUE(contains(only_differences, "name=\"differences\" value=\"1\" checked"));

    ComparisonFilter part;
    part.part_id = "dispositif";
    const std::string only_part = vendors.render(part);
    EXPECT_TRUE(contains(only_part, "data-question=\"dispositif.designation\""));
    EXPECT_FALSE(contains(only_part, "data-question=\"maintenance.passerelle_securisee\""));
    EXPECT_TRUE(contains(only_part, "<option value=\"dispositif\" selected>"));

    ComparisonFilter vigilance_in_part;
    vigilance_in_part.only_vigilance = true;
    vigilance_in_part.part_id = "serveurs";
    vigilance_in_part.only_differences = true;
    const std::string none = vendors.render(vigilance_in_part);
    EXPECT_TRUE(contains(none, "Aucune question ne correspond à ces filtres."));
}

// Each cell shows the vendor's comment on that answer, escaped: a short one as it is, a long one
// folded in a <details>; a question that does not apply to a vendor shows no comment of it.
TEST(ComparisonPage, EachCellShowsTheVendorsCommentOnItsAnswer) {
    const std::string long_comment = "Passerelle prévue : " + std::string(300, 'x');
    EightVendors vendors([&](std::vector<Fixture>& fixtures) {
        fixtures[1].answer("maintenance.passerelle_securisee", "non", "Passerelle <VPN> & bastion en 2028");
        fixtures[2].answer("maintenance.passerelle_securisee", "oui", long_comment);
        fixtures[3].answer("dispositif.poste_standard", "non");
        fixtures[3].answer("dispositif.ecran_taille", 24, "Commentaire d'une branche abandonnée");
        fixtures[4].answer("dispositif.poste_standard", "oui");
        fixtures[4].answer("dispositif.ecran_taille", 27);
    });
    const std::string html = vendors.render({});
    expect_well_formed(html);
    const auto cells = row_cells(comparison_row(html, "maintenance.passerelle_securisee"));
    ASSERT_EQ(cells.size(), 8u);
    EXPECT_FALSE(contains(cells[0], "cell-comment"));
    EXPECT_TRUE(contains(cells[1], "<div class=\"answer-comment cell-comment\"><p class=\"comment-label\">Commentaire du fournisseur</p>"
                                   "<p class=\"long-text\">Passerelle &lt;VPN&gt; &amp; bastion en 2028</p></div>"))
        << cells[1];
    EXPECT_TRUE(contains(cells[2], "<details class=\"answer-comment cell-comment\"><summary class=\"comment-label\">"
                                   "Commentaire du fournisseur</summary><p class=\"long-text\">" + long_comment + "</p></details>"))
        << cells[2];
    EXPECT_FALSE(contains(html, "<VPN>"));
    // The screen size applies to vendor 5 only: vendor 4's comment, kept on a branch it left, is not shown.
    const auto screen = row_cells(comparison_row(html, "dispositif.ecran_taille"));
    ASSERT_EQ(screen.size(), 8u);
    EXPECT_TRUE(contains(screen[3], "Sans objet"));
    EXPECT_FALSE(contains(html, "branche abandonnée"));
    EXPECT_FALSE(contains(screen[4], "cell-comment"));
}

// The chart's legend names every vendor: a long name is shortened with "…" (never cut mid-character)
// and given whole in its entry's <title>; a short one is shown whole.
TEST(ComparisonPage, ChartLegendShortensLongNamesAndTellsThemWhole) {
    const std::string long_name = "Établissements Hospitaliers Réunis de Haute-Savoie et du Léman SAS";
    EightVendors vendors([&](std::vector<Fixture>& fixtures) {
        fixtures[0].response.company = long_name;
        fixtures[1].response.company = "Acme";
        fixtures[2].response.company = "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW";
    });
    const std::string svg = vendors.chart();
    EXPECT_EQ(count(svg, "<rect "), 8u * 5u);  // the legend's swatches are not bars
    EXPECT_EQ(count(svg, "<g class=\"legend-entry\""), 8u);
    const std::regex entry_re(R"re(<g class="legend-entry" data-vendor="(\d+)"><title>([^<]*)</title><path d="M(\d+) (\d+)h10v10h-10z" fill="#[0-9a-f]{6}"></path><text x="(\d+)" y="\d+" font-size="11" fill="#1b1f24">([^<]*)</text></g>)re");
    std::map<std::string, std::pair<std::string, std::string>> entries;  // vendor id → (title, shown)
    int max_x = 0;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), entry_re); it != std::sregex_iterator(); ++it) {
        entries[(*it)[1]] = {(*it)[2], (*it)[6]};
        max_x = std::max(max_x, std::stoi((*it)[3]));
    }
    ASSERT_EQ(entries.size(), 8u) << svg;
    // Long: shortened, ending with "…", a start of the full name; the full name in the title.
    const auto& [long_title, long_shown] = entries["100"];
    EXPECT_EQ(long_title, "Établissements Hospitaliers Réunis de Haute-Savoie et du Léman SAS");
    ASSERT_GT(long_shown.size(), 4u);
    EXPECT_EQ(long_shown.substr(long_shown.size() - 3), "…");
    EXPECT_EQ(long_name.rfind(long_shown.substr(0, long_shown.size() - 3), 0), 0u) << long_shown;
    EXPECT_TRUE(is_valid_utf8(long_shown));
    EXPECT_LT(utf8_character_count(long_shown), utf8_character_count(long_name));
    EXPECT_GE(utf8_character_count(long_shown), 15u) << long_shown;  // still says who it is
    // Wide letters are shortened sooner.
    EXPECT_LT(utf8_character_count(entries["102"].second), utf8_character_count(long_shown));
    EXPECT_EQ(entries["102"].second.substr(entries["102"].second.size() - 3), "…");
    // Short: whole.
    EXPECT_EQ(entries["101"].first, "Acme");
    EXPECT_EQ(entries["101"].second, "Acme");
    // Escaped, and every entry inside the chart.
    EXPECT_EQ(entries["107"].second, "&lt;Bio &amp; Co&gt;");
    const std::regex width_re(R"re(viewBox="0 0 (\d+) (\d+)")re");
    std::smatch size;
    ASSERT_TRUE(std::regex_search(svg, size, width_re));
    EXPECT_LE(max_x + 170, std::stoi(size[1]));
    // The full names stay in the description too.
    EXPECT_TRUE(contains(svg.substr(svg.find("<desc"), svg.find("</desc>") - svg.find("<desc")), long_name));
}
