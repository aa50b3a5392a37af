#include "web/views/vendor_home_page.hpp"

#include "web/views/manufacturer_document_cards.hpp"

#include "core/purchase_title.hpp"
#include "core/text_format.hpp"
#include "core/deadline.hpp"

#include "web/html/html_writer.hpp"
#include "web/views/answer_format.hpp"
#include "web/views/detail_list.hpp"
#include "web/views/excel_cards.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/progress_bars.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

namespace {

// The first visible section that still misses a required answer, or null.
// The visible questions of `section` added since the vendor's first visit.
size_t new_questions_in(const ResponseView& view, const Section& section) {
    size_t count = 0;
    for (const auto& question : section.questions)
        if (view.is_new(question.id) && view.evaluation.is_visible(question)) ++count;
    return count;
}

// "The hospital added N questions since your first visit", with a link to each one's section.
void write_new_questions_notice(HtmlWriter& w, const ResponseView& view, Language lang) {
    std::vector<const Section*> sections;
    size_t count = 0;
    for (const Section* section : view.questionnaire.sections()) {
        if (!view.evaluation.sections.at(section->index).visible) continue;
        if (const size_t fresh = new_questions_in(view, *section); fresh > 0) {
            count += fresh;
            sections.push_back(section);
        }
    }
    if (count == 0) return;
    w.open("div", {{"class", "notice new-questions"}, {"role", "note"}, {"id", "new-questions"}});
    w.element("p", lang == Language::en
                       ? (count == 1 ? std::string("The hospital added a question since your first visit; what you "
                                                   "answered has not changed:")
                                     : "The hospital added " + std::to_string(count) +
                                           " questions since your first visit; what you answered has not changed:")
                       : (count == 1 ? std::string("L'établissement a ajouté une question depuis votre première visite ; "
                                                   "ce que vous avez répondu ne change pas :")
                                     : "L'établissement a ajouté " + std::to_string(count) +
                                           " questions depuis votre première visite ; ce que vous avez répondu ne change pas :"));
    w.open("ul");
    for (const Section* section : sections)
        w.open("li").element("a", {{"href", section_url(section->id)}}, section->title.in(lang)).close("li");
    w.close("ul");
    w.close("div");
}

const Section* first_incomplete_section(const ResponseView& view) {
    for (const Section* section : view.questionnaire.sections()) {
        const SectionState& state = view.evaluation.sections.at(section->index);
        if (state.visible && !state.complete()) return section;
    }
    return nullptr;
}

}  // namespace

std::string render_vendor_home_page(const PageContext& context, const ResponseView& view, size_t open_clarifications,
                                    size_t earlier_responses) {
    const Language lang = context.language;
    const Questionnaire& questionnaire = view.questionnaire;
    const Acquisition& acquisition = view.acquisition;
    const bool submitted = view.response.status == ResponseStatus::submitted;
    PageContext page = context;
    if (page.title.empty()) page.title = title_for(acquisition, lang);
    HtmlWriter w(24576);

    write_page_heading(w, L(lang, "Questionnaire de sécurité numérique", "Digital security questionnaire"),
                       title_for(acquisition, lang));
    if (open_clarifications > 0) {
        w.open("div", {{"class", "notice clarification-notice"}, {"role", "status"}});
        w.text(std::string(L(lang, "L'établissement vous demande des précisions sur ", "The hospital asks you to clarify ")) +
               count_with_noun(open_clarifications, L(lang, "réponse", "answer"), L(lang, "réponses", "answers"), lang) + ". ");
        w.element("a", {{"href", "/vendor/clarifications"}}, L(lang, "Répondre aux précisions demandées", "Answer the clarifications"));
        w.close("div");
    }
    // Who invites: the hospital's name once the administrators set it.
    const std::string inviter = context.hospital.name.empty()
                                    ? std::string(L(lang, "L'établissement", "The hospital"))
                                    : context.hospital.name;
    w.element("p", {{"class", "lead"}, {"id", "invitation-lead"}},
              inviter +
                  L(lang,
                    " vous invite à répondre au questionnaire standardisé de l'AFIB sur l'informatique et la sécurité "
                    "numérique de l'équipement proposé. Vous pouvez répondre en plusieurs fois\u00A0: vos réponses sont "
                    "conservées.",
                    " invites you to answer the AFIB standardized questionnaire on the IT and digital security of the "
                    "equipment you propose. You can answer in several sittings: your answers are kept."));

    w.open("div", {{"class", "home-grid"}});
    w.open("section", {{"class", "card"}, {"aria-labelledby", "purchase-title"}});
    w.element("h2", {{"id", "purchase-title"}}, L(lang, "L'achat", "The purchase"));
    w.open("dl", {{"class", "details"}});
    write_detail(w, L(lang, "Équipement", "Equipment"), acquisition.equipment, lang);
    write_detail(w, L(lang, "Référence de l'établissement", "Hospital reference"), acquisition.reference, lang);
    w.element("dt", L(lang, "Date limite de réponse", "Response deadline"));
    w.open("dd");
    const std::string deadline = effective_deadline(acquisition, view.response);
    if (deadline.empty())
        w.element("span", {{"class", "muted"}}, L(lang, "Non précisée", "Not specified"));
    else
        w.element("time", {{"datetime", deadline}, {"id", "vendor-deadline"}}, format_deadline(deadline, lang));
    w.close("dd");
    write_detail(w, L(lang, "Société", "Company"), view.response.company, lang);
    write_detail(w, L(lang, "Statut de votre réponse", "Status of your response"),
                 response_status_label(view.response, lang), lang);
    w.close("dl");
    w.close("section");

    w.open("section", {{"class", "card next-step"}, {"aria-labelledby", "next-title"}});
    w.element("h2", {{"id", "next-title"}}, L(lang, "Où en êtes-vous\u202F?", "Where are you?"));
    write_progress(w, "overall", L(lang, "Progression globale", "Overall progress"), view.evaluation.overall.percent(),
                   lang);
    write_optional_progress(w, view.evaluation.overall, lang);
    w.open("p", {{"class", "actions"}});
    if (submitted) {
        w.element("a", {{"href", "/vendor/confirmation"}, {"class", "button button-primary"}},
                  L(lang, "Voir l'accusé de réception", "See the receipt"));
    } else if (const Section* next = first_incomplete_section(view)) {
        const bool started = view.evaluation.overall.answered > 0;
        w.element("a", {{"href", section_url(next->id)}, {"class", "button button-primary"}},
                  started ? L(lang, "Continuer le questionnaire", "Continue the questionnaire")
                          : L(lang, "Commencer le questionnaire", "Start the questionnaire"));
        w.element("a", {{"href", "/vendor/review"}, {"class", "button button-secondary"}},
                  L(lang, "Vérifier et envoyer", "Review and submit"));
    } else {
        w.element("a", {{"href", "/vendor/review"}, {"class", "button button-primary"}},
                  L(lang, "Vérifier et envoyer", "Review and submit"));
    }
    w.close("p");
    write_new_questions_notice(w, view, lang);
    if (submitted)
        w.element("p", {{"class", "muted"}},
                  L(lang, "Votre réponse a été envoyée\u00A0: vous pouvez la consulter mais plus la modifier.",
                    "Your response has been submitted: you can read it but no longer change it."));
    w.close("section");
    w.close("div");
    if (earlier_responses > 0 && !submitted) {
        w.open("section", {{"class", "card"}, {"aria-labelledby", "reuse-card-title"}, {"id", "reuse-card"}});
        w.element("h2", {{"id", "reuse-card-title"}}, L(lang, "Partir d'une réponse antérieure", "Start from an earlier response"));
        w.element("p", std::string(L(lang, "Votre société a déjà répondu à ce questionnaire pour cet établissement (",
                                     "Your company has already answered this questionnaire for this hospital (")) +
                           std::to_string(earlier_responses) +
                           L(lang, " réponse(s) soumise(s)). Reprenez-en les réponses : vous voyez d'abord ce qui serait copié.",
                             " submitted response(s)). Carry their answers over: you first see what would be copied."));
        w.open("p", {{"class", "actions"}});
        w.element("a", {{"href", "/vendor/reuse"}, {"class", "button button-secondary"}, {"id", "reuse-start"}},
                  L(lang, "Voir mes réponses antérieures", "See my earlier responses"));
        w.close("p");
        w.close("section");
    }
    write_vendor_excel_card(w, context, submitted);
    write_vendor_manufacturer_card(w, context, submitted, manufacturer_documents(view));

    w.element("h2", {{"class", "parts-title"}}, L(lang, "Les 4 parties du questionnaire", "The 4 parts of the questionnaire"));
    w.open("p", {{"class", "flowcharts-link"}});
    w.element("a", {{"href", "/vendor/flowcharts"}},
              L(lang, "Logigrammes : vue d'ensemble des parties et de votre parcours",
                "Flowcharts: overview of the parts and of your path"));
    w.close("p");
    for (const auto& part : questionnaire.parts) {
        w.open("section", {{"class", "card part-card"}, {"id", "part-" + part.id}, {"aria-labelledby", "part-title-" + part.id}});
        w.element("h3", {{"id", "part-title-" + part.id}}, part_heading(part, lang));
        write_progress(w, part.id, L(lang, "Progression", "Progress"), view.evaluation.parts.at(part.index).percent(),
                       lang);
        w.open("p", {{"class", "part-flowchart-link"}});
        w.element("a", {{"href", "/vendor/flowcharts/" + std::to_string(part.index + 1)}},
                  std::string(L(lang, "Logigramme de la partie ", "Flowchart of part ")) + std::to_string(part.index + 1));
        w.close("p");
        w.open("ol", {{"class", "section-list"}});
        for (const auto& section : part.sections) {
            const SectionState& state = view.evaluation.sections.at(section.index);
            if (!state.visible) continue;
            w.open("li");
            w.open("a", {{"href", section_url(section.id)},
                         {"data-section-link", section.id},
                         {"class", state.complete() ? "section-link is-complete" : "section-link is-incomplete"}});
            w.element("span", {{"class", "section-link-title"}}, section.title.in(lang));
            w.element("span", {{"class", "section-link-status"}}, section_status_text(state, lang));
            if (const size_t fresh = new_questions_in(view, section); fresh > 0)
                w.element("span", {{"class", "badge badge-new"}},
                          lang == Language::en ? (fresh == 1 ? std::string("1 new question") : std::to_string(fresh) + " new questions")
                                               : (fresh == 1 ? std::string("1 nouvelle question")
                                                             : std::to_string(fresh) + " nouvelles questions"));
            w.close("a");
            w.close("li");
        }
        w.close("ol");
        w.close("section");
    }

    w.open("section", {{"class", "guide"}, {"aria-labelledby", "guide-title"}});
    w.element("h2", {{"id", "guide-title"}}, L(lang, "Avant de commencer", "Before you start"));
    for (const char* id : {"when_to_use", "how_to"}) {
        const ContentText* text = questionnaire.find_content(id);
        if (!text) continue;
        w.open("details", {{"class", "note"}});
        w.element("summary", text->title.in(lang));
        w.open("div", {{"class", "markup"}});
        w.markup(text->body.in(lang));
        w.close("div");
        w.close("details");
    }
    w.open("p");
    w.element("a", {{"href", "/vendor/help"}}, L(lang, "Toute l'aide et les références", "All help and references"));
    w.close("p");
    w.close("section");
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
