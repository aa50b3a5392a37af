#include "web/views/manufacturer_document_cards.hpp"

#include "web/views/answer_format.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

void write_vendor_manufacturer_card(HtmlWriter& w, const PageContext& context, bool submitted,
                                    const std::vector<StoredDocument>& kept) {
    const Language lang = context.language;
    w.open("section", {{"class", "card"}, {"aria-labelledby", "manufacturer-title"}, {"id", "manufacturer-card"}});
    w.element("h2", {{"id", "manufacturer-title"}}, L(lang, "Votre MDS2 et votre SBOM", "Your MDS2 and your SBOM"));
    w.element("p", L(lang,
                     "Vous avez déjà rempli le formulaire MDS2 du dispositif, ou publié sa nomenclature logicielle "
                     "(SBOM CycloneDX ou SPDX) ? Importez-les : le MDS2 propose des réponses, que vous confirmez, et le "
                     "SBOM remplit la liste des logiciels installés.",
                     "Have you already filled in the device's MDS2 form, or published its software bill of materials "
                     "(CycloneDX or SPDX SBOM)? Import them: the MDS2 proposes answers, which you confirm, and the SBOM "
                     "fills the list of installed software."));
    if (!kept.empty()) write_documents(w, kept, lang, "/vendor/documents/", false);
    if (!submitted) {
        w.open("p", {{"class", "actions"}});
        w.element("a", {{"href", "/vendor/manufacturer-documents"}, {"class", "button button-secondary"}, {"id", "manufacturer-import"}},
                  L(lang, "Importer un MDS2 ou un SBOM", "Import an MDS2 or an SBOM"));
        w.close("p");
    }
    w.close("section");
}

void write_hospital_manufacturer_card(HtmlWriter& w, Id response_id, bool may_import, const std::vector<StoredDocument>& kept) {
    if (kept.empty() && !may_import) return;
    w.open("section", {{"class", "card"}, {"aria-labelledby", "manufacturer-title"}, {"id", "manufacturer-card"}});
    w.element("h2", {{"id", "manufacturer-title"}}, "Documents du fabricant (MDS2, SBOM)");
    if (kept.empty())
        w.element("p", "Le fournisseur n'a importé ni MDS2 ni SBOM.");
    else
        write_documents(w, kept, Language::fr, "/documents/", true);
    if (may_import) {
        w.open("p", {{"class", "actions"}});
        w.element("a", {{"href", "/responses/" + std::to_string(response_id) + "/manufacturer-documents"},
                        {"class", "button button-secondary"}, {"id", "manufacturer-import"}},
                  "Importer un MDS2 ou un SBOM pour le fournisseur");
        w.close("p");
    }
    w.close("section");
}

}  // namespace cyberachat::web::views
