// The other pages: layout, login, purchases, the hospital's response page, the vendor's home,
// review, confirmation and help pages.
#include <gtest/gtest.h>

#include "view_test_support.hpp"
#include "web/views/acquisition_views.hpp"
#include "web/views/auth_views.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/response_views.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

namespace {
const std::string kPageAttack = "\"><script>alert(1)</script>";
}

TEST(Layout, DocumentStructure) {
    PageContext context;
    context.title = "Titre " + kPageAttack;
    context.csrf_token = "tok\"en";
    context.flash = "Enregistré " + kPageAttack;
    const std::string html = render_layout(context, "<h1>x</h1>");
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_TRUE(contains(html, "<html lang=\"fr\">"));
    EXPECT_TRUE(contains(html, "<meta name=\"csrf-token\" content=\"tok&quot;en\">"));
    EXPECT_TRUE(contains(html, "<link rel=\"stylesheet\" href=\"/assets/app.css?v="));
    EXPECT_TRUE(contains(html, "<script src=\"/assets/app.js?v="));
    EXPECT_TRUE(contains(html, " defer></script>"));
    EXPECT_TRUE(contains(html, ">Aller au contenu</a>"));
    EXPECT_TRUE(contains(html, "<main id=\"contenu\""));
    EXPECT_TRUE(contains(html, "<header"));
    EXPECT_TRUE(contains(html, "<footer"));
    EXPECT_TRUE(contains(html, "AFIB"));
    EXPECT_FALSE(contains(html, "<script>alert"));
    EXPECT_EQ(count(html, "<script"), 1u);  // no inline script
    EXPECT_FALSE(contains(html, " style=\""));
    EXPECT_FALSE(contains(html, " onclick="));
}

TEST(Layout, HospitalHeaderHasNavigationAndLogout) {
    Fixture f;
    const std::string html = render_layout(f.hospital_context(), "<h1>x</h1>");
    EXPECT_TRUE(contains(html, "href=\"/acquisitions\" aria-current=\"page\""));
    EXPECT_TRUE(contains(html, "<form method=\"post\" action=\"/logout\""));
    EXPECT_TRUE(contains(html, "ingenieur@chu.example"));
    EXPECT_FALSE(contains(html, "/vendor/language"));
}

TEST(Layout, VendorHeaderHasLanguageSwitch) {
    Fixture f;
    PageContext context = f.vendor_context();
    context.current_path = "/vendor/sections/dispositif.poste_informatique";
    const std::string html = render_layout(context, "<h1>x</h1>");
    EXPECT_TRUE(contains(html, "<form method=\"post\" action=\"/vendor/language\""));
    EXPECT_TRUE(contains(html, "name=\"return\" value=\"/vendor/sections/dispositif.poste_informatique\""));
    EXPECT_TRUE(contains(html, "name=\"language\" value=\"en\" lang=\"en\""));
    EXPECT_FALSE(contains(html, "/logout"));
    const std::string en = render_layout(f.vendor_context(Language::en), "<h1>x</h1>");
    EXPECT_TRUE(contains(en, "<html lang=\"en\">"));
    EXPECT_TRUE(contains(en, "name=\"language\" value=\"fr\" lang=\"fr\""));
}

TEST(ErrorPage, RendersStatusAndEscapedMessage) {
    PageContext context;
    const std::string html = render_error_page(context, 404, "Introuvable " + kPageAttack);
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "Page introuvable"));
    EXPECT_FALSE(contains(html, "<script>alert"));
    PageContext en;
    en.language = Language::en;
    en.vendor = true;
    EXPECT_TRUE(contains(render_error_page(en, 403, "No"), "Access denied"));
}

TEST(LoginPage, HasCsrfAndLabelledFields) {
    PageContext context;
    context.csrf_token = "abc";
    const std::string html = render_login_page(context, kPageAttack, "Identifiants incorrects.");
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "<form method=\"post\" action=\"/login\""));
    EXPECT_TRUE(contains(html, "<input type=\"hidden\" name=\"_csrf\" value=\"abc\">"));
    EXPECT_TRUE(contains(html, "<label for=\"email\">"));
    EXPECT_TRUE(contains(html, "<label for=\"password\">"));
    EXPECT_TRUE(contains(html, "name=\"password\""));
    EXPECT_TRUE(contains(html, "Identifiants incorrects."));
    EXPECT_TRUE(contains(tag_with_id(html, "email"), "aria-invalid=\"true\""));
    EXPECT_FALSE(contains(html, "<script>alert"));
}

TEST(AcquisitionPages, ListShowsPurchasesAndVendors) {
    Fixture f;
    AcquisitionRow row{f.acquisition, {}};
    VendorRow vendor{f.response, 45, true, 3};
    vendor.response.company = kPageAttack;
    row.vendors.push_back(vendor);
    const std::string html = render_acquisitions_page(f.hospital_context(), {row});
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "href=\"/acquisitions/new\""));
    EXPECT_TRUE(contains(html, "href=\"/acquisitions/7\""));
    EXPECT_TRUE(contains(html, "31/03/2027"));
    EXPECT_TRUE(contains(html, "<th scope=\"col\">"));
    EXPECT_TRUE(contains(html, "<progress max=\"100\" value=\"45\""));
    EXPECT_TRUE(contains(html, "45\u202F%"));
    EXPECT_FALSE(contains(html, "<script>alert"));
    const std::string empty = render_acquisitions_page(f.hospital_context(), {});
    expect_well_formed(empty);
    EXPECT_TRUE(contains(empty, "Aucun achat"));
}

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

TEST(AcquisitionPages, PurchasePageWithVendorsAndReveal) {
    Fixture f;
    VendorRow draft{f.response, 30, true, 12};
    VendorRow submitted{f.response, 100, false, 0};
    submitted.response.id = 43;
    submitted.response.company = "Beta";
    submitted.response.status = ResponseStatus::submitted;
    submitted.response.submitted_at = "2026-07-01T08:00:00Z";
    InvitationReveal reveal{42, "Acme Médical", "https://cyberachat.example/invitation/abcdef"};
    const std::string html = render_acquisition_page(f.hospital_context(), f.acquisition, "AFIB 2024.1",
                                                     {draft, submitted}, reveal, {{"company", "Société obligatoire."}},
                                                     {{"email", kPageAttack}});
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "href=\"/acquisitions/7/edit\""));
    EXPECT_TRUE(contains(html, "AFIB 2024.1"));
    EXPECT_TRUE(contains(html, "href=\"/responses/42\""));
    EXPECT_TRUE(contains(html, "action=\"/responses/42/regenerate\""));
    EXPECT_TRUE(contains(html, "action=\"/responses/42/revoke\""));
    EXPECT_FALSE(contains(html, "action=\"/responses/42/reopen\""));
    EXPECT_TRUE(contains(html, "action=\"/responses/43/reopen\""));
    EXPECT_TRUE(contains(html, "Régénérer le lien"));
    EXPECT_TRUE(contains(html, "01/07/2026 à 10\u00A0h\u00A000"));  // Paris summer time
    EXPECT_TRUE(contains(html, "<form method=\"post\" action=\"/acquisitions/7/vendors\""));
    for (const char* field : {"company", "contact_name", "email", "language"})
        EXPECT_TRUE(contains(html, std::string("name=\"") + field + "\"")) << field;
    EXPECT_TRUE(contains(tag_with_id(html, "vendor-company"), "aria-invalid=\"true\""));
    EXPECT_TRUE(contains(html, "value=\"https://cyberachat.example/invitation/abcdef\" readonly"));
    EXPECT_TRUE(contains(html, "data-copy=\"#invitation-link\""));
    // The purchase's report and exports.
    for (const char* file : {"report.pdf", "export.csv", "export.json", "archive.zip"})
        EXPECT_TRUE(contains(html, std::string("href=\"/api/v1/acquisitions/7/") + file + "\"")) << file;
    EXPECT_FALSE(contains(html, "<script>alert"));
    // Each form has its CSRF field.
    EXPECT_EQ(count(html, "<form"), count(html, "name=\"_csrf\""));
}

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

TEST(VendorHomePage, PartsSectionsAndNextStep) {
    Fixture f;
    f.answer("dispositif.designation", "Écho");
    const std::string html = render_vendor_home_page(f.vendor_context(), f.view());
    expect_well_formed(html);
    for (const auto& part : f.questionnaire->parts) EXPECT_TRUE(contains(html, "id=\"part-" + part.id + "\""));
    EXPECT_TRUE(contains(html, "href=\"/vendor/sections/dispositif.informations_generales\" data-section-link"));
    EXPECT_FALSE(contains(html, "href=\"/vendor/sections/dispositif.prerequis_poste\""));  // does not apply yet
    EXPECT_TRUE(contains(html, "Continuer le questionnaire"));
    EXPECT_TRUE(contains(html, "href=\"/vendor/review\""));
    EXPECT_TRUE(contains(html, "31/03/2027"));
    EXPECT_TRUE(contains(html, "Quand utiliser ce questionnaire"));
    EXPECT_TRUE(contains(html, "<details class=\"note\">"));
    EXPECT_TRUE(contains(html, "data-progress=\"overall\""));
    const std::string en = render_vendor_home_page(f.vendor_context(Language::en), f.view());
    EXPECT_TRUE(contains(en, "31 March 2027"));
    EXPECT_TRUE(contains(en, "Continue the questionnaire"));
}

TEST(VendorReviewPage, MissingAnswersAndDisabledSubmit) {
    Fixture f;
    const std::string html = render_vendor_review_page(f.vendor_context(), f.view());
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "href=\"/vendor/sections/dispositif.informations_generales#q-dispositif.designation\""));
    EXPECT_TRUE(contains(html, "<form method=\"post\" action=\"/vendor/submit\""));
    EXPECT_TRUE(contains(html, "disabled aria-describedby=\"submit-help\""));
    EXPECT_TRUE(contains(html, "href=\"/api/v1/vendor/report.pdf\""));
    f.response.status = ResponseStatus::submitted;
    f.response.submitted_at = "2026-01-15T09:00:00Z";
    const std::string submitted = render_vendor_review_page(f.vendor_context(), f.view());
    expect_well_formed(submitted);
    EXPECT_TRUE(contains(submitted, "Soumis le 15/01/2026 à 10\u00A0h\u00A000"));
    EXPECT_FALSE(contains(submitted, "/vendor/submit"));
}

TEST(VendorConfirmationPage, ReceiptWithDocumentsAndPrintButton) {
    Fixture f;
    f.response.status = ResponseStatus::submitted;
    f.response.submitted_at = "2026-11-29T10:15:00Z";
    f.answer("dispositif.classe_ce_93_42", "iia");
    f.add_document("dispositif.certificat_ce_93_42", 5, "certificat.pdf");
    const std::string html = render_vendor_confirmation_page(f.vendor_context(), f.view());
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "data-print"));
    EXPECT_TRUE(contains(html, "certificat.pdf"));
    EXPECT_TRUE(contains(html, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
    EXPECT_TRUE(contains(html, "121\u00A0Ko"));
    EXPECT_TRUE(contains(html, "href=\"/api/v1/vendor/report.pdf\""));  // its own answers as PDF
    EXPECT_TRUE(contains(html, "29/11/2026 à 11\u00A0h\u00A015"));
}

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
