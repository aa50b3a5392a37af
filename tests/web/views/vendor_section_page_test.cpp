// The vendor section page and its form contract (docs/web-forms.md).
#include <gtest/gtest.h>

#include <chrono>

#include "view_test_support.hpp"
#include "web/views/vendor_section_page.hpp"

using namespace cyberachat;
using namespace cyberachat::web::views;
using namespace cyberachat::web::views::testing;

namespace {

std::string render_section(const Fixture& f, std::string_view section_id, Language language = Language::fr,
                           std::map<std::string, std::string> errors = {},
                           std::map<std::string, std::string> rejected = {}, bool read_only = false,
                           bool first_visit = false) {
    SectionForm form{f.section(section_id), {}, false, {}, {}, {}};
    form.first_visit = first_visit;
    form.navigation.previous_section_id = "dispositif.informations_generales";
    form.navigation.next_section_id = "dispositif.type_connexion";
    form.errors = std::move(errors);
    form.rejected_input = std::move(rejected);
    form.read_only = read_only;
    return render_vendor_section_page(f.vendor_context(language), f.view(), form);
}

}  // namespace

TEST(VendorSectionPage, YesNoQuestionContract) {
    Fixture f;
    f.answer("dispositif.poste_standard", "oui", "Poste fourni par le CHU");
    const std::string html = render_section(f, "dispositif.poste_informatique");
    expect_well_formed(html);

    EXPECT_TRUE(contains(html, "<form method=\"post\" action=\"/vendor/sections/dispositif.poste_informatique\""));
    EXPECT_TRUE(contains(html, "data-autosave"));
    for (const char* msg : {"data-msg-saved=", "data-msg-saving=", "data-msg-error=", "data-msg-conflict="})
        EXPECT_TRUE(contains(html, msg)) << msg;
    EXPECT_TRUE(contains(html, "<meta name=\"csrf-token\" content=\"csrf-token-123\">"));
    EXPECT_TRUE(contains(html, "name=\"_csrf\" value=\"csrf-token-123\""));

    const std::string div = tag_with_id(html, "q-dispositif.poste_standard");
    EXPECT_TRUE(contains(div, "data-question=\"dispositif.poste_standard\""));
    EXPECT_TRUE(contains(div, "data-kind=\"yes_no\""));
    EXPECT_TRUE(contains(div, "data-revision=\"1\""));
    EXPECT_FALSE(contains(div, "hidden"));

    const std::string oui = tag_with_id(html, "a-dispositif.poste_standard-oui");
    EXPECT_TRUE(contains(oui, "type=\"radio\""));
    EXPECT_TRUE(contains(oui, "name=\"a:dispositif.poste_standard\""));
    EXPECT_TRUE(contains(oui, "value=\"oui\""));
    EXPECT_TRUE(contains(oui, " checked"));
    EXPECT_TRUE(contains(oui, "aria-describedby=\"err-dispositif.poste_standard\""));
    const std::string non = tag_with_id(html, "a-dispositif.poste_standard-non");
    EXPECT_TRUE(contains(non, "value=\"non\""));
    EXPECT_FALSE(contains(non, " checked"));
    EXPECT_TRUE(contains(html, "<label for=\"a-dispositif.poste_standard-oui\">Oui</label>"));
    EXPECT_TRUE(contains(html, "<label for=\"a-dispositif.poste_standard-non\">Non</label>"));
    EXPECT_TRUE(contains(html, "<fieldset"));
    EXPECT_TRUE(contains(html, "<legend class=\"question-label\"><svg class=\"kind-icon kind-icon-yes-no\""));
    EXPECT_TRUE(contains(html, "</svg>L&#39;équipement biomédical peut-il"));
    EXPECT_TRUE(contains(html, "(obligatoire)"));

    EXPECT_TRUE(contains(html, "<input type=\"hidden\" name=\"r:dispositif.poste_standard\" value=\"1\">"));
    EXPECT_TRUE(contains(html, "name=\"c:dispositif.poste_standard\""));
    EXPECT_TRUE(contains(html, "Poste fourni par le CHU</textarea>"));
    EXPECT_TRUE(contains(html, "<details class=\"comment\" open>"));
    EXPECT_TRUE(contains(html, "id=\"err-dispositif.poste_standard\""));
    EXPECT_TRUE(contains(html, "data-save-status aria-live=\"polite\""));

    for (const char* go : {"value=\"previous\"", "value=\"save\"", "value=\"next\"", "value=\"review\""})
        EXPECT_TRUE(contains(html, go)) << go;
    // Enter in a field saves: "save" is the first submit button of the form.
    EXPECT_LT(html.find("name=\"go\" value=\"save\""), html.find("name=\"go\" value=\"previous\""));
}

TEST(VendorSectionPage, NavigationAndSideList) {
    Fixture f;
    f.answer("dispositif.poste_standard", "non");
    const std::string html = render_section(f, "dispositif.poste_informatique");
    EXPECT_TRUE(contains(html, "href=\"/vendor\""));
    EXPECT_TRUE(contains(html, "href=\"/vendor#part-dispositif\""));
    EXPECT_TRUE(contains(html, "href=\"/vendor/help\""));
    EXPECT_TRUE(contains(html, "href=\"/vendor/sections/dispositif.informations_generales\" rel=\"prev\""));
    EXPECT_TRUE(contains(html, "href=\"/vendor/sections/dispositif.type_connexion\" rel=\"next\""));
    // Every section of the part is listed; those that do not apply are hidden.
    const Part& part = *f.questionnaire->find_part("dispositif");
    for (const auto& section : part.sections)
        EXPECT_TRUE(contains(html, "data-section-link=\"" + section.id + "\"")) << section.id;
    size_t link = html.find("data-section-link=\"dispositif.prerequis_poste\"");
    ASSERT_NE(link, std::string::npos);
    std::string tag = html.substr(html.rfind('<', link), html.find('>', link) - html.rfind('<', link));
    EXPECT_TRUE(contains(tag, " hidden"));
    link = html.find("data-section-link=\"dispositif.materiel_fourni\"");
    tag = html.substr(html.rfind('<', link), html.find('>', link) - html.rfind('<', link));
    EXPECT_FALSE(contains(tag, " hidden"));
    EXPECT_TRUE(contains(html, "aria-current=\"page\""));
    EXPECT_TRUE(contains(html, "data-progress=\"dispositif\""));
    EXPECT_TRUE(contains(html, "data-progress=\"overall\""));
    EXPECT_TRUE(contains(html, "À compléter"));
}

TEST(VendorSectionPage, HiddenQuestionsCarryHiddenAttribute) {
    Fixture f;
    f.answer("dispositif.antivirus_etablissement", "non");
    f.answer("dispositif.protection_propre", "non");
    const std::string html = render_section(f, "dispositif.protection_fournie");
    expect_well_formed(html);
    EXPECT_FALSE(contains(tag_with_id(html, "q-dispositif.protection_propre"), "hidden"));
    EXPECT_TRUE(contains(tag_with_id(html, "q-dispositif.protection_nom"), " hidden"));
    EXPECT_TRUE(contains(tag_with_id(html, "q-dispositif.protection_mise_a_jour"), " hidden"));
    // Hidden questions still have their inputs so that live branching can show them.
    EXPECT_TRUE(contains(html, "name=\"a:dispositif.protection_nom\""));
}

TEST(VendorSectionPage, NumberWithUnitAndNoteAndFrenchComma) {
    Fixture f;
    f.answer("dispositif.poste_standard", "oui");
    f.answer("dispositif.ecran_taille", 23.8);
    const std::string html = render_section(f, "dispositif.prerequis_poste");
    expect_well_formed(html);
    const std::string input = tag_with_id(html, "a-dispositif.ecran_taille");
    EXPECT_TRUE(contains(input, "type=\"text\""));
    EXPECT_TRUE(contains(input, "inputmode=\"decimal\""));
    EXPECT_TRUE(contains(input, "value=\"23,8\""));
    EXPECT_TRUE(contains(input, "aria-describedby=\"help-dispositif.ecran_taille err-dispositif.ecran_taille unit-dispositif.ecran_taille\""));
    EXPECT_TRUE(contains(html, "<span class=\"unit\" id=\"unit-dispositif.ecran_taille\">pouces</span>"));
    EXPECT_TRUE(contains(html, "<label for=\"a-dispositif.ecran_taille\""));
    // The section's note in a <details> (closed: not the first visit), its markup rendered.
    EXPECT_TRUE(contains(html, "<details class=\"note\"><summary class=\"with-icon\"><svg class=\"kind-icon kind-icon-info\""));
    EXPECT_TRUE(contains(html, "</svg>Informations complémentaires</summary>"));
    EXPECT_TRUE(contains(html, "<strong>étroite collaboration avec le service informatique</strong>"));
    EXPECT_TRUE(contains(html, "<ul><li>Les anciennes versions"));
    // Optional questions are not marked required.
    const size_t optional = html.find("id=\"q-dispositif.ecran_autre_caracteristique\"");
    const size_t next = html.find("id=\"q-dispositif.processeur\"");
    EXPECT_EQ(html.substr(optional, next - optional).find("(obligatoire)"), std::string::npos);
}

TEST(VendorSectionPage, TableRowsAndAddRowButton) {
    Fixture f;
    f.answer("serveurs.liste_logiciels_installes",
             nlohmann::json::array({{{"nom", "Windows Server"}, {"niveau_version", "2022"}}, {{"nom", "SQL Server"}}}));
    const std::string html = render_section(f, "serveurs.description_generique_logiciels");
    expect_well_formed(html);
    const std::string q = "serveurs.liste_logiciels_installes";
    EXPECT_TRUE(contains(html, "name=\"a:" + q + ":0:nom\" value=\"Windows Server\""));
    EXPECT_TRUE(contains(html, "name=\"a:" + q + ":0:niveau_version\" value=\"2022\""));
    EXPECT_TRUE(contains(html, "name=\"a:" + q + ":1:nom\" value=\"SQL Server\""));
    EXPECT_TRUE(contains(html, "name=\"a:" + q + ":1:niveau_version\" value=\"\""));
    // One empty row after the existing ones.
    EXPECT_TRUE(contains(html, "name=\"a:" + q + ":2:nom\" value=\"\""));
    EXPECT_FALSE(contains(html, "name=\"a:" + q + ":3:nom\""));
    EXPECT_TRUE(contains(html, "<th scope=\"col\">Nom</th>"));
    EXPECT_TRUE(contains(html, "data-add-row=\"" + q + "\" hidden>Ajouter une ligne</button>"));
    EXPECT_TRUE(contains(html, "data-kind=\"table\""));
}

TEST(VendorSectionPage, ContactFields) {
    Fixture f;
    f.answer("dispositif.contact_installation", {{"nom", "Martin"}, {"email", "j.martin@acme.example"}});
    const std::string html = render_section(f, "dispositif.interlocuteur_installation");
    expect_well_formed(html);
    const std::string q = "dispositif.contact_installation";
    for (const char* field : {"nom", "prenom", "fonction", "coordonnees", "telephone", "email"})
        EXPECT_TRUE(contains(html, "name=\"a:" + q + ":" + field + "\"")) << field;
    EXPECT_TRUE(contains(tag_with_id(html, "a-" + q + "-email"), "type=\"email\""));
    EXPECT_TRUE(contains(tag_with_id(html, "a-" + q + "-email"), "value=\"j.martin@acme.example\""));
    EXPECT_TRUE(contains(tag_with_id(html, "a-" + q + "-telephone"), "type=\"tel\""));
    EXPECT_TRUE(contains(tag_with_id(html, "a-" + q + "-nom"), "value=\"Martin\""));
    EXPECT_TRUE(contains(html, "<label for=\"a-" + q + "-prenom\">Prénom</label>"));
    EXPECT_TRUE(contains(html, "<fieldset class=\"question-group contact-group\">"));
}

TEST(VendorSectionPage, DocumentsUseFormsOutsideTheMainForm) {
    Fixture f;
    f.answer("dispositif.classe_ce_93_42", "iia");
    f.add_document("dispositif.certificat_ce_93_42", 5, "certificat <CE>.pdf");
    const std::string html = render_section(f, "dispositif.informations_generales");
    expect_well_formed(html);
    const std::string q = "dispositif.certificat_ce_93_42";
    EXPECT_FALSE(contains(tag_with_id(html, "q-" + q), "hidden"));

    const size_t main_end = html.find("</form>", html.find("id=\"section-form\""));
    const size_t upload = html.find("<form id=\"upload-" + q + "\"");
    const size_t remove = html.find("<form id=\"delete-5\"");
    ASSERT_NE(upload, std::string::npos);
    ASSERT_NE(remove, std::string::npos);
    EXPECT_GT(upload, main_end);
    EXPECT_GT(remove, main_end);
    EXPECT_TRUE(contains(html, "action=\"/vendor/documents/" + q + "\" enctype=\"multipart/form-data\""));
    EXPECT_TRUE(contains(html, "action=\"/vendor/documents/5/delete\""));
    EXPECT_EQ(count(html, "name=\"_csrf\""), 5u);  // language switch, main form, 2 uploads, 1 delete

    const std::string file = tag_with_id(html, "file-" + q);
    EXPECT_TRUE(contains(file, "type=\"file\""));
    EXPECT_TRUE(contains(file, "name=\"file\""));
    EXPECT_TRUE(contains(file, "form=\"upload-" + q + "\""));
    EXPECT_TRUE(contains(html, "<button type=\"submit\" form=\"upload-" + q + "\""));
    EXPECT_TRUE(contains(html, "<button type=\"submit\" form=\"delete-5\""));
    EXPECT_TRUE(contains(html, "href=\"/vendor/documents/5\""));
    EXPECT_TRUE(contains(html, "certificat &lt;CE&gt;.pdf"));
    EXPECT_TRUE(contains(html, "9f86d081884c…"));
    EXPECT_FALSE(contains(html, "name=\"a:" + q + "\""));
    // The other document question (class not given) is hidden.
    EXPECT_TRUE(contains(tag_with_id(html, "q-dispositif.certificat_ce_2017_745"), " hidden"));
}

TEST(VendorSectionPage, ErrorsAreShownWithAriaInvalidAndRejectedInput) {
    Fixture f;
    f.answer("dispositif.poste_standard", "oui");
    const std::string attack = "\"><script>alert(1)</script>";
    const std::string html = render_section(f, "dispositif.prerequis_poste", Language::fr,
                                            {{"dispositif.memoire_ram", "Nombre attendu."}},
                                            {{"dispositif.memoire_ram", attack}});
    expect_well_formed(html);
    EXPECT_FALSE(contains(html, "<script>alert"));
    const std::string input = tag_with_id(html, "a-dispositif.memoire_ram");
    EXPECT_TRUE(contains(input, "aria-invalid=\"true\""));
    EXPECT_TRUE(contains(input, "aria-describedby=\"err-dispositif.memoire_ram unit-dispositif.memoire_ram\""));
    EXPECT_TRUE(contains(input, "value=\"&quot;&gt;&lt;script&gt;"));
    EXPECT_TRUE(contains(html, "Nombre attendu.</p>"));
    EXPECT_TRUE(contains(html, "class=\"error-summary\" role=\"alert\""));
    EXPECT_TRUE(contains(html, "href=\"#q-dispositif.memoire_ram\""));
    EXPECT_FALSE(contains(tag_with_id(html, "a-dispositif.processeur"), "aria-invalid"));
}

TEST(VendorSectionPage, EnglishLabels) {
    Fixture f;
    f.answer("dispositif.poste_standard", "oui");
    const std::string html = render_section(f, "dispositif.prerequis_poste", Language::en);
    expect_well_formed(html);
    EXPECT_TRUE(contains(html, "<html lang=\"en\">"));
    EXPECT_TRUE(contains(html, "<h1 id=\"page-title\">Computer workstation prerequisites</h1>"));
    EXPECT_TRUE(contains(html, "Screen — Size"));
    EXPECT_TRUE(contains(html, "(required)"));
    EXPECT_TRUE(contains(html, "Additional information"));
    EXPECT_TRUE(contains(html, "Skip to content"));
    EXPECT_TRUE(contains(html, ">Yes</label>"));
    EXPECT_FALSE(contains(html, "(obligatoire)"));
    EXPECT_FALSE(contains(html, "Informations complémentaires"));
}

TEST(VendorSectionPage, ReadOnlyHasNoInputs) {
    Fixture f;
    f.response.status = ResponseStatus::submitted;
    f.response.submitted_at = "2026-11-29T10:15:00Z";
    f.answer("dispositif.poste_standard", "oui");
    f.answer("dispositif.ecran_taille", 23.8, "mesuré");
    const std::string html = render_section(f, "dispositif.prerequis_poste", Language::fr, {}, {}, true);
    expect_well_formed(html);
    EXPECT_FALSE(contains(html, "data-autosave"));
    EXPECT_FALSE(contains(html, "name=\"a:"));
    EXPECT_FALSE(contains(html, "name=\"c:"));
    EXPECT_FALSE(contains(html, "name=\"r:"));
    EXPECT_FALSE(contains(html, "<textarea"));
    EXPECT_FALSE(contains(html, "<select"));
    EXPECT_FALSE(contains(html, "type=\"radio\""));
    EXPECT_EQ(count(html, "<input"), 2u);  // the language switch's _csrf and return
    EXPECT_TRUE(contains(html, "23,8\u00A0pouces"));
    EXPECT_TRUE(contains(html, "mesuré"));
    EXPECT_TRUE(contains(html, "29/11/2026 à 11\u00A0h\u00A015"));
    EXPECT_TRUE(contains(html, "Non renseigné"));
}

TEST(VendorSectionPage, EveryAfibSectionRendersInBothLanguages) {
    Fixture f;
    for (const Section* section : f.questionnaire->sections()) {
        for (Language language : {Language::fr, Language::en}) {
            SectionForm form{*section, {}, false, {}, {}, {}};
            const std::string html = render_vendor_section_page(f.vendor_context(language), f.view(), form);
            SCOPED_TRACE(section->id);
            expect_well_formed(html);
            for (const auto& question : section->questions) {
                EXPECT_TRUE(contains(html, "data-question=\"" + question.id + "\""));
                EXPECT_TRUE(contains(html, "name=\"r:" + question.id + "\""));
                EXPECT_TRUE(contains(html, "name=\"c:" + question.id + "\""));
            }
        }
    }
}

TEST(VendorSectionPage, RendersWellUnderAMillisecond) {
    Fixture f;
    f.answer("serveurs.liste_logiciels_installes",
             nlohmann::json::array({{{"nom", "Windows Server"}, {"niveau_version", "2022"}}}));
    SectionForm form{f.section("serveurs.description_generique_logiciels"), {}, false, {}, {}, {}};
    const auto view = f.view();
    const auto context = f.vendor_context();
    size_t total = 0;
    constexpr int kRuns = 200;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kRuns; ++i) total += render_vendor_section_page(context, view, form).size();
    const auto elapsed = std::chrono::steady_clock::now() - start;
    const double ms = std::chrono::duration<double, std::milli>(elapsed).count() / kRuns;
    EXPECT_GT(total, 0u);
    // Generous bound (sanitizers, loaded CI); typically well under 0.1 ms.
    EXPECT_LT(ms, 2.0) << ms << " ms per page";
    RecordProperty("ms_per_page", std::to_string(ms));
}

TEST(VendorSectionPage, TheNoteIsOpenOnTheFirstVisitOnly) {
    Fixture f;
    const std::string first = render_section(f, "dispositif.informations_generales", Language::fr, {}, {}, false, true);
    expect_well_formed(first);
    EXPECT_TRUE(contains(first, "<details class=\"note\" open><summary"));
    const std::string later = render_section(f, "dispositif.informations_generales");
    EXPECT_TRUE(contains(later, "<details class=\"note\"><summary"));
    EXPECT_FALSE(contains(later, "<details class=\"note\" open"));
}

TEST(VendorSectionPage, EachQuestionShowsItsAnswerKindPictogramWithWords) {
    Fixture f;
    f.answer("dispositif.poste_standard", "oui");
    f.answer("dispositif.classe_ce_2017_745", "iia");
    // yes / no (a fieldset: the pictogram is in its legend)
    std::string html = render_section(f, "dispositif.poste_informatique");
    EXPECT_TRUE(contains(html, "<legend class=\"question-label\"><svg class=\"kind-icon kind-icon-yes-no\" "
                               "aria-hidden=\"true\" focusable=\"false\""));
    EXPECT_TRUE(contains(html, "<span class=\"visually-hidden kind-text\"> — type de réponse\u00A0: oui / non</span></legend>"));
    // number and text (a label)
    html = render_section(f, "dispositif.prerequis_poste");
    const size_t size = html.find("<label for=\"a-dispositif.ecran_taille\"");
    ASSERT_NE(size, std::string::npos);
    const std::string size_label = html.substr(size, html.find("</label>", size) - size);
    EXPECT_TRUE(contains(size_label, "kind-icon-number"));
    EXPECT_TRUE(contains(size_label, "type de réponse\u00A0: chiffre"));
    const size_t cpu = html.find("<label for=\"a-dispositif.processeur\"");
    EXPECT_TRUE(contains(html.substr(cpu, html.find("</label>", cpu) - cpu), "kind-icon-text"));
    // document (its label is a paragraph) and one choice among several
    html = render_section(f, "dispositif.informations_generales");
    const std::string document = html.substr(html.find("id=\"label-dispositif.certificat_ce_2017_745\""), 600);
    EXPECT_TRUE(contains(document, "kind-icon-document"));
    EXPECT_TRUE(contains(document, "type de réponse\u00A0: document"));
    EXPECT_TRUE(contains(html, "kind-icon-choice"));
    // Every question of every page has exactly one.
    for (const Section* section : f.questionnaire->sections()) {
        const std::string page = render_section(f, section->id);
        EXPECT_EQ(count(page, "class=\"visually-hidden kind-text\""), section->questions.size()) << section->id;
    }
    // In English; and read-only once submitted.
    html = render_section(f, "dispositif.poste_informatique", Language::en);
    EXPECT_TRUE(contains(html, " — answer type: yes / no</span>"));
    html = render_section(f, "dispositif.poste_informatique", Language::fr, {}, {}, true);
    EXPECT_TRUE(contains(html, "<p class=\"question-label\"><svg class=\"kind-icon kind-icon-yes-no\""));
}

TEST(VendorSectionPage, ThePartOverviewLinkSaysWhichPart) {
    Fixture f;
    EXPECT_TRUE(contains(render_section(f, "dispositif.poste_informatique", Language::en), ">Part 1 overview</a>"));
    EXPECT_TRUE(contains(render_section(f, "maintenance.generalites_telemaintenance", Language::en), ">Part 4 overview</a>"));
    EXPECT_TRUE(contains(render_section(f, "dispositif.poste_informatique"), ">Vue de la partie 1</a>"));
}
