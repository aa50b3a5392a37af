// The comparison page with its SVG chart, rendered from hand-made answers with the built-in grid.
#include <gtest/gtest.h>

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

    EightVendors() {
        for (size_t i = 0; i < fixtures.size(); ++i) {
            Fixture& f = fixtures[i];
            f.response.id = static_cast<Id>(100 + i);
            f.response.company = i == 7 ? "<Bio & Co>" : "Fournisseur " + std::to_string(i + 1);
            f.answer("maintenance.passerelle_securisee", i % 2 ? "non" : "oui");
            f.answer("maintenance.absence_compte_code_en_dur", "oui");
            f.answer("dispositif.designation", "Moniteur");
        }
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
};

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
