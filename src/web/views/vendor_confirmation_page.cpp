#include "web/views/vendor_confirmation_page.hpp"

#include "core/purchase_title.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/answer_format.hpp"
#include "web/views/detail_list.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

std::string render_vendor_confirmation_page(const PageContext& context, const ResponseView& view) {
    const Language lang = context.language;
    const Questionnaire& questionnaire = view.questionnaire;
    const VendorResponse& response = view.response;
    const bool submitted = response.status == ResponseStatus::submitted;
    PageContext page = context;
    if (page.title.empty()) page.title = L(lang, "Accusé de réception", "Receipt");
    HtmlWriter w(16384);

    w.open("div", {{"class", "receipt"}});
    write_page_heading(w, L(lang, "Questionnaire de sécurité numérique de l'AFIB", "AFIB digital security questionnaire"),
                       L(lang, "Accusé de réception", "Receipt"));
    if (!submitted) {
        w.open("div", {{"class", "notice"}, {"role", "status"}});
        w.element("p", L(lang, "Votre réponse n'a pas encore été envoyée.", "Your response has not been submitted yet."));
        w.open("p");
        w.element("a", {{"href", "/vendor/review"}}, L(lang, "Vérifier et envoyer", "Review and submit"));
        w.close("p");
        w.close("div");
    }
    w.open("dl", {{"class", "details receipt-details"}});
    write_detail(w, L(lang, "Achat", "Purchase"), title_for(view.acquisition, lang), lang);
    write_detail(w, L(lang, "Équipement", "Equipment"), view.acquisition.equipment, lang);
    write_detail(w, L(lang, "Référence de l'établissement", "Hospital reference"), view.acquisition.reference, lang);
    write_detail(w, L(lang, "Société", "Company"), response.company, lang);
    write_detail(w, L(lang, "Contact", "Contact"), response.contact_name, lang);
    w.element("dt", L(lang, "Envoyée le", "Submitted on"));
    w.open("dd");
    if (submitted && !response.submitted_at.empty())
        w.element("time", {{"datetime", response.submitted_at}}, format_datetime(response.submitted_at, lang));
    else
        w.element("span", {{"class", "muted"}}, L(lang, "Pas encore envoyée", "Not submitted yet"));
    w.close("dd");
    write_detail(w, L(lang, "Questionnaire", "Questionnaire"),
                 questionnaire.title.in(lang) + " (version " + questionnaire.version + ")", lang);
    write_detail(w, L(lang, "Réponses données", "Answers given"),
                 std::to_string(view.evaluation.overall.answered) + L(lang, " sur ", " of ") +
                     std::to_string(view.evaluation.overall.visible) +
                     L(lang, " questions applicables", " applicable questions"),
                 lang);
    write_detail(w, L(lang, "Documents joints", "Attached documents"), std::to_string(document_count(view)), lang);
    w.close("dl");

    if (document_count(view) > 0) {
        w.open("div", {{"class", "table-wrap"}});
        w.open("table", {{"class", "data-table receipt-documents"}});
        w.element("caption", L(lang, "Documents joints et leur empreinte SHA-256", "Attached documents and their SHA-256 fingerprint"));
        w.open("thead").open("tr");
        w.element("th", {{"scope", "col"}}, L(lang, "Fichier", "File"));
        w.element("th", {{"scope", "col"}}, L(lang, "Question", "Question"));
        w.element("th", {{"scope", "col"}}, L(lang, "Taille", "Size"));
        w.element("th", {{"scope", "col"}}, "SHA-256");
        w.close("tr").close("thead").open("tbody");
        for (const Question* question : questionnaire.questions()) {
            auto it = view.documents.find(question->id);
            if (it == view.documents.end()) continue;
            for (const auto& document : it->second) {
                w.open("tr");
                w.element("th", {{"scope", "row"}}, document.file_name);
                w.element("td", question->label.in(lang));
                w.element("td", format_size(document.size, lang));
                w.open("td").element("code", {{"class", "sha256"}}, document.sha256).close("td");
                w.close("tr");
            }
        }
        w.close("tbody").close("table").close("div");
    }
    w.element("p", {{"class", "hint"}},
              L(lang, "Conservez cet accusé de réception\u00A0: imprimez-le ou enregistrez-le en PDF depuis votre navigateur.",
                "Keep this receipt: print it or save it as PDF from your browser."));
    w.open("p", {{"class", "actions no-print"}});
    w.element("button", {{"type", "button"}, {"class", "button button-primary"}, {"data-print", true}, {"hidden", true}},
              L(lang, "Imprimer", "Print"));
    w.element("a", {{"href", "/api/v1/vendor/report.pdf"}, {"class", "button button-secondary"}, {"download", true}},
              L(lang, "Télécharger mes réponses (PDF)", "Download my answers (PDF)"));
    w.element("a", {{"href", "/vendor"}, {"class", "button button-secondary"}}, L(lang, "Retour au début", "Back to start"));
    w.close("p");
    w.close("div");
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
