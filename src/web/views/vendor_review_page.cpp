#include "web/views/vendor_review_page.hpp"

#include "core/purchase_title.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/answer_format.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/progress_bars.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

namespace {

// The vendor's own answers as PDF (no score, no reviewer content).
void write_vendor_pdf_link(HtmlWriter& w, Language lang) {
    w.open("p", {{"class", "actions"}});
    w.element("a", {{"href", "/api/v1/vendor/report.pdf"}, {"class", "button button-secondary"}, {"download", true}},
              L(lang, "Télécharger mes réponses (PDF)", "Download my answers (PDF)"));
    w.close("p");
}

}  // namespace

std::string render_vendor_review_page(const PageContext& context, const ResponseView& view) {
    const Language lang = context.language;
    const Questionnaire& questionnaire = view.questionnaire;
    const bool submitted = view.response.status == ResponseStatus::submitted;
    const auto& missing = view.evaluation.missing_required;
    PageContext page = context;
    if (page.title.empty()) page.title = L(lang, "Vérification et envoi", "Review and submit");
    HtmlWriter w(16384 + missing.size() * 256);

    w.open("nav", {{"class", "breadcrumb"}, {"aria-label", L(lang, "Fil d'Ariane", "Breadcrumb")}});
    w.open("ol");
    w.open("li").element("a", {{"href", "/vendor"}}, L(lang, "Début", "Start")).close("li");
    w.open("li")
        .element("span", {{"aria-current", "page"}}, L(lang, "Vérification et envoi", "Review and submit"))
        .close("li");
    w.close("ol");
    w.close("nav");
    write_page_heading(w, title_for(view.acquisition, lang), L(lang, "Vérification et envoi", "Review and submit"));
    write_all_progress(w, view, lang);

    if (submitted) {
        w.open("div", {{"class", "notice notice-success"}, {"role", "status"}});
        w.element("p", response_status_label(view.response, lang) + ".");
        w.open("p");
        w.element("a", {{"href", "/vendor/confirmation"}}, L(lang, "Voir et imprimer l'accusé de réception",
                                                              "See and print the receipt"));
        w.close("p");
        w.close("div");
        return render_layout(page, w.take());
    }

    w.open("section", {{"aria-labelledby", "missing-title"}});
    if (missing.empty()) {
        w.element("h2", {{"id", "missing-title"}}, L(lang, "Tout est prêt", "Everything is ready"));
        w.element("p", {{"class", "notice notice-success"}},
                  L(lang, "Toutes les réponses obligatoires sont renseignées.", "All required answers are given."));
    } else {
        w.element("h2", {{"id", "missing-title"}},
                  missing.size() == 1
                      ? std::string(L(lang, "Il reste 1 réponse obligatoire", "1 required answer is missing"))
                      : std::string(L(lang, "Il reste ", "")) + std::to_string(missing.size()) +
                            L(lang, " réponses obligatoires", " required answers are missing"));
        w.element("p", L(lang, "Chaque lien mène à la question concernée.", "Each link leads to the question."));
        size_t i = 0;
        while (i < missing.size()) {
            const Question* first = questionnaire.questions().at(missing[i]);
            const Section* section = questionnaire.sections().at(first->section_index);
            w.open("div", {{"class", "missing-group"}});
            w.open("h3");
            w.element("a", {{"href", section_url(section->id)}}, section->title.in(lang));
            w.close("h3");
            w.open("ul");
            for (; i < missing.size(); ++i) {
                const Question* question = questionnaire.questions().at(missing[i]);
                if (question->section_index != section->index) break;
                w.open("li");
                w.element("a", {{"href", section_url(section->id) + "#q-" + question->id}}, question->label.in(lang));
                w.close("li");
            }
            w.close("ul");
            w.close("div");
        }
    }
    w.close("section");

    w.open("section", {{"class", "card submit-box"}, {"aria-labelledby", "submit-title"}});
    w.element("h2", {{"id", "submit-title"}}, L(lang, "Envoyer la réponse", "Submit the response"));
    const bool locked = !context.lock_notice.empty();  // the deadline passed, the purchase is closed…
    const bool blocked = !missing.empty() || locked;
    w.element("p", {{"id", "submit-help"}},
              locked ? context.lock_notice.c_str()
              : blocked ? L(lang,
                          "L'envoi sera possible quand toutes les réponses obligatoires seront renseignées. Vos "
                          "réponses déjà saisies sont enregistrées.",
                          "You can submit once every required answer is given. The answers you entered are saved.")
                      : L(lang,
                          "Après l'envoi, vos réponses ne pourront plus être modifiées (l'établissement peut rouvrir "
                          "la réponse si nécessaire). Vous obtiendrez un accusé de réception.",
                          "Once submitted, your answers can no longer be changed (the hospital can reopen the "
                          "response if needed). You will get a receipt."));
    w.open("form", {{"method", "post"}, {"action", "/vendor/submit"}});
    write_csrf_field(w, context);
    // Submitting is final (only the hospital can reopen): asked twice, without JavaScript.
    w.open("div", {{"class", "choice submit-confirm"}});
    w.void_tag("input", {{"type", "checkbox"}, {"id", "submit-confirm"}, {"name", "confirm"}, {"value", "1"},
                         {"required", true}, {"disabled", blocked}});
    w.element("label", {{"for", "submit-confirm"}},
              L(lang, "Je confirme l'envoi définitif de ma réponse à l'établissement.",
                "I confirm that I submit my response to the hospital for good."));
    w.close("div");
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}, {"disabled", blocked},
                         {"aria-describedby", "submit-help"}},
              L(lang, "Envoyer ma réponse", "Submit my response"));
    w.close("form");
    write_vendor_pdf_link(w, lang);
    w.close("section");
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
