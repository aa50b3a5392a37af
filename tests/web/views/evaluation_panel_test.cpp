// The hospital's evaluation panel on the response page, rendered from hand-made answers with the
// built-in grid.
#include <gtest/gtest.h>

#include "core/scoring.hpp"
#include "definition/builtin_grid.hpp"
#include "view_test_support.hpp"
#include "web/views/evaluation_panel.hpp"
#include "web/views/response_page.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

TEST(EvaluationPanel, ShowsScoresFindingsRationaleAndTheAdvisoryNote) {
    Fixture f;
    f.answer("maintenance.absence_compte_code_en_dur", "non", "Compte de service documenté");
    f.answer("maintenance.passerelle_securisee", "oui");
    const auto grid = builtin_afib_grid();
    const ScoreCard card = score(*f.questionnaire, *grid, f.answer_set(), f.evaluation);
    const std::vector<Review> reviews = {Review{1, f.response.id, "maintenance.absence_compte_code_en_dur", "unsatisfactory",
                                                "Compte « service » inacceptable sans rotation", "", "user:rssi@chu.test",
                                                "it", "2026-11-29T10:00:00Z"}};
    const std::vector<Opinion> opinions = {
        Opinion{f.response.id, "it", "favourable_with_reservations", "Sous réserve du retrait du compte", "user:rssi@chu.test",
                "2026-11-29T10:05:00Z"}};
    EvaluationPanel panel{*grid, card, reviews, opinions, f.response.id, "biomedical"};
    const std::string html = render_response_page(f.hospital_context(), f.view(), &panel);
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "Évaluation (interne à l&#39;établissement)"));
    EXPECT_TRUE(contains(html, "elle n&#39;élimine aucun fournisseur"));
    EXPECT_TRUE(contains(html, "data-finding=\"maintenance.absence_compte_code_en_dur\""));
    EXPECT_TRUE(contains(html, "Critique"));
    EXPECT_TRUE(contains(html, "codé en dur ne peut être ni désactivé ni changé"));
    EXPECT_TRUE(contains(html, "Commentaire du fournisseur\u00A0: Compte de service documenté"));
    EXPECT_FALSE(contains(html, "data-finding=\"maintenance.passerelle_securisee\""));
    // Reviews under the answer and with the finding; the two opinions, the form of the caller's role only.
    EXPECT_EQ(count(html, "Compte « service » inacceptable sans rotation"), 2u);
    EXPECT_TRUE(contains(html, "Insatisfaisant"));
    EXPECT_TRUE(contains(html, "Un avis est consultatif"));
    EXPECT_TRUE(contains(html, "Favorable avec réserves"));
    EXPECT_TRUE(contains(html, "Sous réserve du retrait du compte"));
    EXPECT_TRUE(contains(html, "Pas encore d&#39;avis."));
    EXPECT_EQ(count(html, "action=\"/responses/42/opinion\""), 1u);
    EXPECT_TRUE(contains(html, "id=\"opinion-biomedical-text\""));
    EXPECT_FALSE(contains(html, "id=\"opinion-it-text\""));
    EXPECT_EQ(count(html, "action=\"/responses/42/reviews\""), f.evaluation.overall.visible);
    // A buyer reads everything but gets no form.
    EvaluationPanel buyer{*grid, card, reviews, opinions, f.response.id, "buyer"};
    const std::string read_only = render_response_page(f.hospital_context(), f.view(), &buyer);
    EXPECT_FALSE(contains(read_only, "/opinion\""));
    EXPECT_FALSE(contains(read_only, "/reviews\""));
    EXPECT_TRUE(contains(read_only, "Sous réserve du retrait du compte"));
    // Without a panel (as before), nothing of the evaluation.
    const std::string plain = render_response_page(f.hospital_context(), f.view());
    EXPECT_FALSE(contains(plain, "Point de vigilance"));
    EXPECT_FALSE(contains(plain, "id=\"evaluation\""));
}
