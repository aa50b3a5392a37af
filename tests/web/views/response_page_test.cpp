// The hospital's page of one vendor's answers (its evaluation panel: evaluation_panel_test.cpp).
#include <gtest/gtest.h>

#include "view_test_support.hpp"
#include "web/views/response_page.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

TEST(ResponsePage, ListsAnswersDocumentsAndHiddenAnswers) {
    Fixture f;
    f.response.status = ResponseStatus::submitted;
    f.response.submitted_at = "2026-11-29T10:15:00Z";
    f.answer("dispositif.designation", "Écho " + kPageAttack);
    f.answer("dispositif.classe_ce_93_42", "iia");
    f.answer("dispositif.poste_standard", "oui");
    f.answer("dispositif.ecran_taille", 23.8, "Écran tactile");
    f.answer("dispositif.autre_poste_necessaire", "non");
    f.answer("serveurs.liste_logiciels_installes",
             nlohmann::json::array({{{"nom", "Windows Server"}, {"niveau_version", "2022"}}}));
    f.answer("dispositif.contact_installation", {{"nom", "Martin"}, {"email", "j.martin@acme.example"}});
    f.add_document("dispositif.certificat_ce_93_42", 5, "certificat.pdf");
    // Answer, then hide it: D1 switched to "non" hides the prerequisites page.
    f.answer("dispositif.poste_standard", "non");
    ASSERT_FALSE(f.evaluation.hidden_answered.empty());

    const std::string html = render_response_page(f.hospital_context(), f.view());
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "<html lang=\"fr\">"));
    EXPECT_TRUE(contains(html, "Acme Médical"));
    EXPECT_TRUE(contains(html, "29/11/2026 à 11\u00A0h\u00A015"));
    EXPECT_TRUE(contains(html, "IIa"));  // the choice's label, not its id
    EXPECT_TRUE(contains(html, "href=\"/documents/5\""));
    EXPECT_TRUE(contains(html, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
    EXPECT_TRUE(contains(html, "<th scope=\"col\">Niveau de version</th>"));
    EXPECT_TRUE(contains(html, "Windows Server"));
    EXPECT_TRUE(contains(html, "href=\"mailto:j.martin@acme.example\""));
    EXPECT_TRUE(contains(html, "href=\"/api/v1/responses/42/report.pdf\""));
    EXPECT_TRUE(contains(html, "Non renseigné"));
    EXPECT_FALSE(contains(html, "<script>alert"));

    const size_t hidden_block = html.find("Réponses masquées par un embranchement (conservées)");
    ASSERT_NE(hidden_block, std::string::npos);
    const size_t hidden_answer = html.find("id=\"hidden-dispositif.ecran_taille\"");
    ASSERT_NE(hidden_answer, std::string::npos);
    EXPECT_GT(hidden_answer, hidden_block);
    EXPECT_TRUE(contains(html.substr(hidden_block), "23,8\u00A0pouces"));
    EXPECT_TRUE(contains(html.substr(hidden_block), "Écran tactile"));
    // Not listed among the visible answers.
    EXPECT_FALSE(contains(html, "id=\"q-dispositif.ecran_taille\""));
}
