#include "web/views/manufacturer_import_page.hpp"

#include "core/text_format.hpp"
#include "web/views/answer_format.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

namespace {

// The SBOM rows shown in the preview; the others are counted (the file holds them all).
constexpr size_t kShownSbomRows = 200;

const char* status_label(Mds2ProposalStatus status, Language lang) {
    switch (status) {
        case Mds2ProposalStatus::imported: return L(lang, "Proposée", "Proposed");
        case Mds2ProposalStatus::already_answered: return L(lang, "Déjà répondue ainsi", "Already answered so");
        case Mds2ProposalStatus::conflict: return L(lang, "Conflit avec votre réponse", "Conflicts with your answer");
        case Mds2ProposalStatus::ignored_branch: return L(lang, "Sans objet (branche)", "Does not apply (branch)");
        case Mds2ProposalStatus::no_answer: return L(lang, "Pas de réponse dans le fichier", "No answer in the file");
    }
    return "";
}

const char* status_class(Mds2ProposalStatus status) {
    switch (status) {
        case Mds2ProposalStatus::imported: return "badge badge-done";
        case Mds2ProposalStatus::conflict: return "badge badge-late";
        default: return "badge";
    }
}

std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ") {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

void write_value(HtmlWriter& w, const Questionnaire* questionnaire, const std::string& question_id,
                 const nlohmann::json& value, Language lang) {
    const Question* question = questionnaire ? questionnaire->find_question(question_id) : nullptr;
    if (!question || value.is_null()) return write_unanswered(w, lang);
    write_answer_value(w, *question, value, lang);
}

void write_upload_forms(HtmlWriter& w, const PageContext& context, const ManufacturerImportView& view) {
    const Language lang = context.language;
    w.open("div", {{"class", "grid-2"}});
    w.open("form", {{"method", "post"}, {"action", view.base_url + "/import/mds2"}, {"enctype", "multipart/form-data"},
                    {"class", "card"}, {"id", "mds2-upload"}});
    write_csrf_field(w, context);
    w.element("h2", L(lang, "Déclaration MDS2", "MDS2 statement"));
    w.element("p", L(lang,
                     "Le formulaire MDS2 (NEMA/HIMSS HN 1-2019) du dispositif, en classeur Excel (.xlsx) ou en copie "
                     "CSV/texte (une question par ligne : ID, question, réponse, note). Ses réponses proposent des "
                     "réponses au questionnaire : vous les voyez toutes avant de confirmer, et rien de ce que vous avez "
                     "déjà répondu n'est remplacé sans votre choix.",
                     "The device's MDS2 form (NEMA/HIMSS HN 1-2019), as an Excel workbook (.xlsx) or a CSV/text copy "
                     "(one question per line: ID, question, answer, note). Its answers propose answers to the "
                     "questionnaire: you see them all before confirming, and nothing you have already answered is "
                     "replaced unless you choose it."));
    w.element("label", {{"for", "mds2-file"}}, L(lang, "Fichier MDS2 (.xlsx, .csv, .txt)", "MDS2 file (.xlsx, .csv, .txt)"));
    w.void_tag("input", {{"type", "file"}, {"id", "mds2-file"}, {"name", "file"}, {"required", true},
                         {"accept", ".xlsx,.csv,.txt,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}});
    w.open("p", {{"class", "actions"}});
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}, {"id", "mds2-preview"}},
              L(lang, "Voir les réponses proposées", "See the proposed answers"));
    w.close("p");
    w.close("form");

    w.open("form", {{"method", "post"}, {"action", view.base_url + "/import/sbom"}, {"enctype", "multipart/form-data"},
                    {"class", "card"}, {"id", "sbom-upload"}});
    write_csrf_field(w, context);
    w.element("h2", L(lang, "Nomenclature logicielle (SBOM)", "Software bill of materials (SBOM)"));
    w.element("p", L(lang,
                     "Un SBOM CycloneDX (1.2 à 1.6) ou SPDX (2.2, 2.3) au format JSON. Ses composants remplissent la "
                     "« liste exhaustive des logiciels installés » (nom, version, fournisseur, purl ou CPE, type) ; les "
                     "lignes déjà saisies sont gardées.",
                     "A CycloneDX (1.2 to 1.6) or SPDX (2.2, 2.3) SBOM in JSON. Its components fill the \"complete list "
                     "of installed software\" (name, version, supplier, purl or CPE, type); the rows already entered "
                     "are kept."));
    w.element("label", {{"for", "sbom-file"}}, L(lang, "Fichier SBOM (.json)", "SBOM file (.json)"));
    w.void_tag("input", {{"type", "file"}, {"id", "sbom-file"}, {"name", "file"}, {"required", true},
                         {"accept", ".json,application/json,application/vnd.cyclonedx+json,application/spdx+json"}});
    w.open("p", {{"class", "actions"}});
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}, {"id", "sbom-preview"}},
              L(lang, "Voir la liste des logiciels", "See the software list"));
    w.close("p");
    w.close("form");
    w.close("div");
}

void write_mds2_report(HtmlWriter& w, const PageContext& context, const ManufacturerImportView& view) {
    const Language lang = context.language;
    const auto& outcome = *view.mds2;
    const auto& plan = outcome.plan;
    w.open("section", {{"class", "card"}, {"aria-labelledby", "mds2-title"}, {"id", "mds2-report"}});
    w.element("h2", {{"id", "mds2-title"}},
              outcome.applied ? L(lang, "Import MDS2 effectué", "MDS2 import done")
                              : L(lang, "Réponses proposées par le MDS2", "Answers proposed by the MDS2"));
    if (!view.file_name.empty())
        w.element("p", with_colon(L(lang, "Fichier", "File"), lang) + view.file_name + " — SHA-256 " + abridged_sha256(outcome.sha256));
    if (outcome.applied)
        w.element("p", {{"class", "flash"}, {"id", "mds2-result"}},
                  std::string(L(lang, "Réponses enregistrées : ", "Answers saved: ")) + std::to_string(outcome.saved) +
                      L(lang, ". Le fichier est gardé avec la réponse.", ". The file is kept with the response."));
    w.open("ul", {{"class", "import-summary"}});
    w.element("li", with_colon(L(lang, "Lignes MDS2 lues", "MDS2 lines read"), lang) + std::to_string(plan.lines));
    for (auto status : {Mds2ProposalStatus::imported, Mds2ProposalStatus::conflict, Mds2ProposalStatus::already_answered,
                        Mds2ProposalStatus::ignored_branch, Mds2ProposalStatus::no_answer})
        w.element("li", {{"data-status", std::string(mds2_proposal_status_name(status))}},
                  with_colon(status_label(status, lang), lang) + std::to_string(plan.count(status)));
    w.element("li", {{"data-status", "no_mapping"}},
              with_colon(L(lang, "Lignes MDS2 sans correspondance AFIB", "MDS2 lines with no AFIB match"), lang) +
                  std::to_string(plan.unmapped_ids.size()));
    w.close("ul");
    if (!outcome.duplicated.empty())
        w.element("p", std::string(L(lang, "Identifiants donnés deux fois (la première ligne est gardée) : ",
                                     "IDs given twice (the first line is kept): ")) + joined(outcome.duplicated));

    const bool preview = !outcome.applied;
    const bool can_apply = preview && !view.token.empty() &&
                           (plan.count(Mds2ProposalStatus::imported) + plan.count(Mds2ProposalStatus::conflict)) > 0;
    if (can_apply) {
        w.open("form", {{"method", "post"}, {"action", view.base_url + "/import/mds2/apply"}, {"id", "mds2-apply-form"}});
        write_csrf_field(w, context);
        w.void_tag("input", {{"type", "hidden"}, {"name", "token"}, {"value", view.token}});
    }
    w.open("div", {{"class", "table-wrap"}});
    w.open("table", {{"class", "data-table"}, {"id", "mds2-proposals"}});
    w.open("thead").open("tr");
    for (const char* header : {L(lang, "Résultat", "Result"), "Question", L(lang, "Valeur proposée", "Proposed value"),
                               L(lang, "Votre réponse", "Your answer"), L(lang, "Lignes MDS2", "MDS2 lines"),
                               L(lang, "Pourquoi", "Why")})
        w.element("th", {{"scope", "col"}}, header);
    w.close("tr").close("thead");
    w.open("tbody");
    for (const Mds2Proposal& proposal : plan.proposals) {
        const Question* question = view.questionnaire ? view.questionnaire->find_question(proposal.question_id) : nullptr;
        w.open("tr", {{"data-question", proposal.question_id},
                      {"data-status", std::string(mds2_proposal_status_name(proposal.status))}});
        w.open("td", {{"class", "import-verdict"}});
        w.element("span", {{"class", status_class(proposal.status)}}, status_label(proposal.status, lang));
        if (can_apply && proposal.status == Mds2ProposalStatus::conflict) {
            const std::string id = "replace-" + proposal.question_id;
            w.open("div", {{"class", "choice"}});
            w.void_tag("input", {{"type", "checkbox"}, {"name", "replace"}, {"value", proposal.question_id}, {"id", id}});
            w.element("label", {{"for", id}}, L(lang, "Remplacer ma réponse", "Replace my answer"));
            w.close("div");
        }
        w.close("td");
        w.element("td", question ? question->label.in(lang) : proposal.question_id);
        w.open("td");
        write_value(w, view.questionnaire, proposal.question_id, proposal.value, lang);
        w.close("td");
        w.open("td");
        write_value(w, view.questionnaire, proposal.question_id, proposal.current, lang);
        w.close("td");
        w.element("td", {{"class", "mono"}}, joined(proposal.source_ids));
        w.element("td", {{"class", "hint"}}, proposal.rationale.in(lang));
        w.close("tr");
    }
    w.close("tbody");
    w.close("table");
    w.close("div");
    if (!plan.unmapped_ids.empty())
        w.element("p", {{"class", "hint"}, {"id", "mds2-unmapped"}},
                  std::string(L(lang, "Sans correspondance dans le questionnaire AFIB : ",
                                "With no match in the AFIB questionnaire: ")) + joined(plan.unmapped_ids));
    if (can_apply) {
        w.element("p", L(lang,
                         "Les réponses « Proposée » seront enregistrées ; une réponse en conflit n'est remplacée que si "
                         "vous cochez « Remplacer ma réponse ». Vous pourrez tout modifier ensuite.",
                         "The \"Proposed\" answers will be saved; a conflicting answer is replaced only if you tick "
                         "\"Replace my answer\". You can change everything afterwards."));
        w.element("button", {{"type", "submit"}, {"class", "button button-primary"}, {"id", "mds2-apply"}},
                  L(lang, "Confirmer et enregistrer", "Confirm and save"));
        w.close("form");
    } else if (preview) {
        w.element("p", L(lang, "Rien à enregistrer : le fichier ne propose aucune réponse nouvelle.",
                         "Nothing to save: the file proposes no new answer."));
    }
    w.close("section");
}

void write_sbom_report(HtmlWriter& w, const PageContext& context, const ManufacturerImportView& view) {
    const Language lang = context.language;
    const auto& outcome = *view.sbom;
    const Sbom& sbom = outcome.sbom;
    w.open("section", {{"class", "card"}, {"aria-labelledby", "sbom-title"}, {"id", "sbom-report"}});
    w.element("h2", {{"id", "sbom-title"}},
              outcome.applied ? L(lang, "Import du SBOM effectué", "SBOM import done")
                              : L(lang, "Aperçu de l'import du SBOM", "SBOM import preview"));
    if (!view.file_name.empty())
        w.element("p", with_colon(L(lang, "Fichier", "File"), lang) + view.file_name + " — " + sbom.format + " " +
                           sbom.version + " — SHA-256 " + abridged_sha256(outcome.sha256));
    if (outcome.applied)
        w.element("p", {{"class", "flash"}, {"id", "sbom-result"}},
                  std::string(L(lang, "Logiciels ajoutés à la liste : ", "Software added to the list: ")) +
                      std::to_string(outcome.merge.added) +
                      L(lang, ". Le fichier est gardé avec la réponse.", ". The file is kept with the response."));
    w.open("ul", {{"class", "import-summary"}, {"id", "sbom-summary"}});
    if (!sbom.subject.empty()) w.element("li", with_colon(L(lang, "Produit décrit", "Product described"), lang) + sbom.subject);
    w.element("li", {{"data-count", "declared"}},
              with_colon(L(lang, "Composants déclarés", "Components declared"), lang) + std::to_string(sbom.declared));
    w.element("li", {{"data-count", "merged"}},
              with_colon(L(lang, "Doublons fusionnés", "Duplicates merged"), lang) + std::to_string(sbom.merged_duplicates));
    if (sbom.without_name > 0)
        w.element("li", with_colon(L(lang, "Composants sans nom (écartés)", "Components without a name (left out)"), lang) +
                            std::to_string(sbom.without_name));
    w.element("li", {{"data-count", "added"}},
              with_colon(outcome.applied ? L(lang, "Ajoutés à la liste", "Added to the list")
                                         : L(lang, "À ajouter à la liste", "To add to the list"),
                         lang) + std::to_string(outcome.merge.added));
    w.element("li", {{"data-count", "already"}},
              with_colon(L(lang, "Déjà dans la liste", "Already in the list"), lang) + std::to_string(outcome.merge.already_listed));
    if (outcome.merge.left_out > 0)
        w.element("li", with_colon(L(lang, "Au-delà de la taille de la liste (gardés dans le fichier)",
                                     "Beyond the list's size (kept in the file)"), lang) +
                            std::to_string(outcome.merge.left_out));
    w.element("li", {{"id", "sbom-operating-systems"}},
              with_colon(L(lang, "Systèmes d'exploitation trouvés", "Operating systems found"), lang) +
                  (sbom.operating_systems.empty() ? std::string(L(lang, "aucun", "none")) : joined(sbom.operating_systems)));
    w.close("ul");

    if (!outcome.applied) {
        const auto& rows = outcome.merge.rows;
        const size_t first_added = outcome.merge.kept;
        const size_t shown = std::min(rows.size() - std::min(rows.size(), first_added), kShownSbomRows);
        if (shown > 0) {
            w.open("div", {{"class", "table-wrap"}});
            w.open("table", {{"class", "data-table"}, {"id", "sbom-rows"}});
            w.open("thead").open("tr");
            for (const char* header : {L(lang, "Nom", "Name"), L(lang, "Version", "Version"), L(lang, "Fournisseur", "Supplier"),
                                       L(lang, "Identifiant (purl ou CPE)", "Identifier (purl or CPE)"), "Type"})
                w.element("th", {{"scope", "col"}}, header);
            w.close("tr").close("thead");
            w.open("tbody");
            for (size_t i = first_added; i < first_added + shown; ++i) {
                w.open("tr");
                for (const char* column : {"nom", "niveau_version", "fournisseur", "identifiant", "type"}) {
                    const auto cell = rows[i].find(column);
                    w.element("td", cell != rows[i].end() && cell->is_string() ? cell->get<std::string>() : std::string());
                }
                w.close("tr");
            }
            w.close("tbody");
            w.close("table");
            w.close("div");
            if (outcome.merge.added > shown)
                w.element("p", {{"class", "hint"}},
                          std::string(L(lang, "… et ", "… and ")) + std::to_string(outcome.merge.added - shown) +
                              L(lang, " autres composants.", " more components."));
        }
        if (outcome.merge.added > 0 && !view.token.empty()) {
            w.open("form", {{"method", "post"}, {"action", view.base_url + "/import/sbom/apply"}, {"id", "sbom-apply-form"}});
            write_csrf_field(w, context);
            w.void_tag("input", {{"type", "hidden"}, {"name", "token"}, {"value", view.token}});
            w.element("button", {{"type", "submit"}, {"class", "button button-primary"}, {"id", "sbom-apply"}},
                      L(lang, "Confirmer et remplir la liste", "Confirm and fill the list"));
            w.close("form");
        } else {
            w.element("p", L(lang, "Rien à ajouter : chaque composant est déjà dans la liste.",
                             "Nothing to add: every component is already in the list."));
        }
    }
    w.close("section");
}

void write_kept_files(HtmlWriter& w, const ManufacturerImportView& view, Language lang) {
    if (view.kept.empty()) return;
    w.open("section", {{"class", "card"}, {"aria-labelledby", "kept-title"}, {"id", "manufacturer-documents"}});
    w.element("h2", {{"id", "kept-title"}}, L(lang, "Fichiers gardés avec la réponse", "Files kept with the response"));
    write_documents(w, view.kept, lang, view.document_prefix, true);
    w.close("section");
}

}  // namespace

std::string render_manufacturer_import_page(const PageContext& context, const ManufacturerImportView& view) {
    const Language lang = context.language;
    HtmlWriter w(16384);
    write_page_heading(w, view.subject, L(lang, "Documents du fabricant : MDS2 et SBOM", "Manufacturer documents: MDS2 and SBOM"));
    if (!view.error.empty()) w.element("p", {{"class", "flash flash-error"}, {"role", "alert"}, {"id", "import-error"}}, view.error);
    if (view.mds2) write_mds2_report(w, context, view);
    if (view.sbom) write_sbom_report(w, context, view);
    if (!write_import_refusal(w, lang, view.submitted, view.locked)) write_upload_forms(w, context, view);
    write_kept_files(w, view, lang);
    w.open("p", {{"class", "actions"}});
    w.element("a", {{"href", view.back_url}, {"class", "button button-secondary"}}, L(lang, "Retour", "Back"));
    w.close("p");
    return render_layout(context, w.take());
}

}  // namespace cyberachat::web::views
