// The pages that show one vendor's response: the hospital's reading page, and the vendor's home,
// review, confirmation and help pages (the section form is in vendor_section_view.cpp).
#include "web/views/response_views.hpp"

#include "core/answer.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/answer_format.hpp"
#include "web/views/evaluation_views.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"
#include "web/views/xlsx_views.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;
using nlohmann::json;

namespace {

const StoredAnswer* find_answer(const ResponseView& view, const std::string& question_id) {
    auto it = view.answers.find(question_id);
    return it == view.answers.end() ? nullptr : &it->second;
}

const std::vector<StoredDocument>* find_documents(const ResponseView& view, const std::string& question_id) {
    auto it = view.documents.find(question_id);
    return it == view.documents.end() || it->second.empty() ? nullptr : &it->second;
}

std::string part_heading(const Part& part, Language language) {
    return std::string(L(language, "Partie ", "Part ")) + std::to_string(part.index + 1) + " — " + part.title.in(language);
}

void write_detail(HtmlWriter& w, std::string_view label, std::string_view value, Language language) {
    w.element("dt", label);
    w.open("dd");
    if (value.empty())
        write_unanswered(w, language);
    else
        w.text(value);
    w.close("dd");
}

// The value of one question for reading, with its comment and documents.
void write_answer_block(HtmlWriter& w, const ResponseView& view, const Question& question, Language language,
                        std::string_view document_prefix) {
    const StoredAnswer* answer = find_answer(view, question.id);
    const auto* documents = find_documents(view, question.id);
    if (question.kind == QuestionKind::document) {
        if (documents)
            write_documents(w, *documents, language, document_prefix, true);
        else
            write_unanswered(w, language);
    } else {
        write_answer_value(w, question, answer ? answer->value : json(), language);
        if (documents) write_documents(w, *documents, language, document_prefix, true);
    }
    if (answer && !answer->comment.empty()) {
        w.open("div", {{"class", "answer-comment"}});
        w.element("p", {{"class", "comment-label"}}, L(language, "Commentaire", "Comment"));
        w.element("p", {{"class", "long-text"}}, answer->comment);
        w.close("div");
    }
}

// The vendor's own answers as PDF (no score, no reviewer content).
void write_vendor_pdf_link(HtmlWriter& w, Language lang) {
    w.open("p", {{"class", "actions"}});
    w.element("a", {{"href", "/api/v1/vendor/report.pdf"}, {"class", "button button-secondary"}, {"download", true}},
              L(lang, "Télécharger mes réponses (PDF)", "Download my answers (PDF)"));
    w.close("p");
}

size_t document_count(const ResponseView& view) {
    size_t count = 0;
    for (const auto& [question_id, documents] : view.documents) count += documents.size();
    return count;
}

// The first visible section that still misses a required answer, or null.
const Section* first_incomplete_section(const ResponseView& view) {
    for (const Section* section : view.questionnaire.sections()) {
        const SectionState& state = view.evaluation.sections.at(section->index);
        if (state.visible && !state.complete()) return section;
    }
    return nullptr;
}

void write_all_progress(HtmlWriter& w, const ResponseView& view, Language language) {
    w.open("div", {{"class", "progress-group"}});
    write_progress(w, "overall", L(language, "Progression globale", "Overall progress"),
                   view.evaluation.overall.percent(), language);
    for (const auto& part : view.questionnaire.parts)
        write_progress(w, part.id, part.short_title.in(language), view.evaluation.parts.at(part.index).percent(),
                       language);
    w.close("div");
}

}  // namespace

// ---- hospital: one vendor's answers ----------------------------------------------------------------

std::string render_response_page(const PageContext& context, const ResponseView& view, const EvaluationPanel* evaluation) {
    const Language lang = Language::fr;  // hospital pages are in French
    const VendorResponse& response = view.response;
    const Questionnaire& questionnaire = view.questionnaire;
    PageContext page = context;
    if (page.title.empty()) page.title = "Réponses de " + response.company;
    HtmlWriter w(65536);

    w.open("nav", {{"class", "breadcrumb"}, {"aria-label", "Fil d'Ariane"}});
    w.open("ol");
    w.open("li").element("a", {{"href", "/acquisitions"}}, "Achats").close("li");
    w.open("li")
        .element("a", {{"href", "/acquisitions/" + std::to_string(view.acquisition.id)}}, view.acquisition.title)
        .close("li");
    w.open("li").element("span", {{"aria-current", "page"}}, response.company).close("li");
    w.close("ol");
    w.close("nav");

    write_page_heading(w, view.acquisition.title, "Réponses de " + response.company);

    w.open("section", {{"class", "card response-summary"}, {"aria-labelledby", "summary-title"}});
    w.element("h2", {{"id", "summary-title"}}, "Synthèse");
    w.open("div", {{"class", "summary-grid"}});
    w.open("dl", {{"class", "details"}});
    write_detail(w, "Société", response.company, lang);
    write_detail(w, "Contact", response.contact_name, lang);
    w.element("dt", "Adresse électronique");
    w.open("dd");
    if (response.email.empty())
        write_unanswered(w, lang);
    else
        w.element("a", {{"href", "mailto:" + response.email}}, response.email);
    w.close("dd");
    write_detail(w, "Langue", response.language == "en" ? "Anglais" : "Français", lang);
    w.element("dt", "Statut");
    w.open("dd");
    w.element("span", {{"class", response.status == ResponseStatus::submitted ? "badge badge-done" : "badge badge-draft"}},
              response.status == ResponseStatus::submitted ? "Soumis" : "Brouillon");
    if (response.status == ResponseStatus::submitted && !response.submitted_at.empty()) {
        w.text(" le ");
        w.element("time", {{"datetime", response.submitted_at}}, format_datetime(response.submitted_at, lang));
    }
    w.close("dd");
    write_detail(w, "Réponses obligatoires manquantes", std::to_string(view.evaluation.missing_required.size()), lang);
    write_detail(w, "Documents joints", std::to_string(document_count(view)), lang);
    write_detail(w, "Questionnaire", questionnaire.title.fr + " (version " + questionnaire.version + ")", lang);
    w.close("dl");
    write_all_progress(w, view, lang);
    w.close("div");
    w.close("section");
    write_hospital_excel_card(w, response.id, response.status == ResponseStatus::submitted);

    if (evaluation) write_evaluation_panel(w, context, questionnaire, *evaluation, view.answers);

    // Table of contents.
    w.open("nav", {{"class", "toc"}, {"aria-label", "Parties du questionnaire"}});
    w.open("ol");
    for (const auto& part : questionnaire.parts) {
        w.open("li");
        w.element("a", {{"href", "#part-" + part.id}}, part.title.fr);
        w.close("li");
    }
    if (!view.evaluation.hidden_answered.empty()) {
        w.open("li");
        w.element("a", {{"href", "#reponses-masquees"}}, "Réponses masquées par un embranchement");
        w.close("li");
    }
    w.open("li");
    w.element("a", {{"href", "/responses/" + std::to_string(response.id) + "/flowcharts"}, {"class", "flowcharts-link"}},
              "Logigrammes : le parcours de cette réponse");
    w.close("li");
    w.open("li");
    w.element("a", {{"href", "/api/v1/responses/" + std::to_string(response.id) + "/report.pdf"}, {"class", "report-link"},
                    {"download", true}},
              "Rapport PDF de cette réponse");
    w.close("li");
    w.close("ol");
    w.close("nav");

    for (const auto& part : questionnaire.parts) {
        w.open("section", {{"class", "part"}, {"id", "part-" + part.id}, {"aria-labelledby", "part-title-" + part.id}});
        w.element("h2", {{"id", "part-title-" + part.id}}, part_heading(part, lang));
        w.open("p", {{"class", "part-flowchart-link"}});
        w.element("a", {{"href", "/responses/" + std::to_string(response.id) + "/flowcharts/" + std::to_string(part.index + 1)}},
                  "Logigramme de la partie " + std::to_string(part.index + 1));
        w.close("p");
        std::vector<const Section*> not_applicable;
        for (const auto& section : part.sections) {
            if (!view.evaluation.is_visible(section)) {
                not_applicable.push_back(&section);
                continue;
            }
            w.open("section", {{"class", "answer-section"}, {"id", "s-" + section.id}});
            w.element("h3", section.title.fr);
            w.open("dl", {{"class", "answers"}});
            for (const auto& question : section.questions) {
                if (!view.evaluation.is_visible(question)) continue;
                w.open("div", {{"class", "answer-item"}, {"id", "q-" + question.id}});
                w.open("dt");
                w.text(question.label.fr);
                if (question.required) {
                    w.text(" ");
                    w.element("span", {{"class", "required"}}, "(obligatoire)");
                }
                w.close("dt");
                w.open("dd");
                write_answer_block(w, view, question, lang, "/documents/");
                if (evaluation && evaluation->card.outcome(question) == Outcome::unfavourable) {
                    w.open("p", {{"class", "outcome outcome-unfavourable"}});
                    w.text("⚠ Point de vigilance ");
                    write_severity_badge(w, evaluation->grid.find_rule(question.id)->severity);
                    w.close("p");
                }
                if (evaluation) write_review_block(w, context, *evaluation, question);
                w.close("dd");
                w.close("div");
            }
            w.close("dl");
            w.close("section");
        }
        if (!not_applicable.empty()) {
            w.open("p", {{"class", "muted not-applicable"}});
            w.text(with_colon("Sections sans objet pour ce fournisseur (selon ses réponses)", lang));
            for (size_t i = 0; i < not_applicable.size(); ++i) {
                if (i) w.text("\u202F; ");
                w.text(not_applicable[i]->title.fr);
            }
            w.text(".");
            w.close("p");
        }
        w.close("section");
    }

    if (!view.evaluation.hidden_answered.empty()) {
        w.open("section", {{"class", "hidden-answers"}, {"id", "reponses-masquees"}, {"aria-labelledby", "hidden-title"}});
        w.element("h2", {{"id", "hidden-title"}}, "Réponses masquées par un embranchement (conservées)");
        w.element("p", {{"class", "hint"}},
                  "Ces réponses ont été données puis rendues sans objet par une réponse ultérieure. Elles sont "
                  "conservées mais ne comptent ni dans la progression ni dans la complétude.");
        w.open("dl", {{"class", "answers"}});
        for (size_t index : view.evaluation.hidden_answered) {
            const Question* question = questionnaire.questions().at(index);
            const Section* section = questionnaire.sections().at(question->section_index);
            w.open("div", {{"class", "answer-item"}, {"id", "hidden-" + question->id}});
            w.open("dt");
            w.text(question->label.fr);
            w.element("span", {{"class", "block muted"}}, section->title.fr);
            w.close("dt");
            w.open("dd");
            write_answer_block(w, view, *question, lang, "/documents/");
            w.close("dd");
            w.close("div");
        }
        w.close("dl");
        w.close("section");
    }
    return render_layout(page, w.take());
}

// ---- vendor: home ------------------------------------------------------------------------------

std::string render_vendor_home_page(const PageContext& context, const ResponseView& view, size_t open_clarifications) {
    const Language lang = context.language;
    const Questionnaire& questionnaire = view.questionnaire;
    const Acquisition& acquisition = view.acquisition;
    const bool submitted = view.response.status == ResponseStatus::submitted;
    PageContext page = context;
    if (page.title.empty()) page.title = acquisition.title;
    HtmlWriter w(24576);

    write_page_heading(w, L(lang, "Questionnaire de sécurité numérique", "Digital security questionnaire"),
                       acquisition.title);
    if (open_clarifications > 0) {
        w.open("div", {{"class", "notice clarification-notice"}, {"role", "status"}});
        w.text(std::string(L(lang, "L'établissement vous demande des précisions sur ", "The hospital asks you to clarify ")) +
               std::to_string(open_clarifications) + L(lang, " réponse(s). ", " answer(s). "));
        w.element("a", {{"href", "/vendor/clarifications"}}, L(lang, "Répondre aux précisions demandées", "Answer the clarifications"));
        w.close("div");
    }
    w.element("p", {{"class", "lead"}},
              L(lang,
                "L'établissement vous invite à répondre au questionnaire standardisé de l'AFIB sur l'informatique et "
                "la sécurité numérique de l'équipement proposé. Vous pouvez répondre en plusieurs fois\u00A0: vos réponses "
                "sont conservées.",
                "The hospital invites you to answer the AFIB standardized questionnaire on the IT and digital "
                "security of the equipment you propose. You can answer in several sittings: your answers are kept."));

    w.open("div", {{"class", "home-grid"}});
    w.open("section", {{"class", "card"}, {"aria-labelledby", "purchase-title"}});
    w.element("h2", {{"id", "purchase-title"}}, L(lang, "L'achat", "The purchase"));
    w.open("dl", {{"class", "details"}});
    write_detail(w, L(lang, "Équipement", "Equipment"), acquisition.equipment, lang);
    write_detail(w, L(lang, "Référence de l'établissement", "Hospital reference"), acquisition.reference, lang);
    w.element("dt", L(lang, "Date limite de réponse", "Response deadline"));
    w.open("dd");
    if (acquisition.deadline.empty())
        w.element("span", {{"class", "muted"}}, L(lang, "Non précisée", "Not specified"));
    else
        w.element("time", {{"datetime", acquisition.deadline}}, format_date(acquisition.deadline, lang));
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
    if (submitted)
        w.element("p", {{"class", "muted"}},
                  L(lang, "Votre réponse a été envoyée\u00A0: vous pouvez la consulter mais plus la modifier.",
                    "Your response has been submitted: you can read it but no longer change it."));
    w.close("section");
    w.close("div");
    write_vendor_excel_card(w, context, submitted);

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

// ---- vendor: review and submit ---------------------------------------------------------------

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
    write_page_heading(w, view.acquisition.title, L(lang, "Vérification et envoi", "Review and submit"));
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
    const bool blocked = !missing.empty();
    w.element("p", {{"id", "submit-help"}},
              blocked ? L(lang,
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
    w.element("button", {{"type", "submit"}, {"class", "button button-primary"}, {"disabled", blocked},
                         {"aria-describedby", "submit-help"}},
              L(lang, "Envoyer ma réponse", "Submit my response"));
    w.close("form");
    write_vendor_pdf_link(w, lang);
    w.close("section");
    return render_layout(page, w.take());
}

// ---- vendor: receipt -------------------------------------------------------------------------

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
    write_detail(w, L(lang, "Achat", "Purchase"), view.acquisition.title, lang);
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

// ---- help ----------------------------------------------------------------------------------------

std::string render_help_page(const PageContext& context, const Questionnaire& questionnaire) {
    const Language lang = context.language;
    PageContext page = context;
    if (page.title.empty()) page.title = L(lang, "Aide", "Help");
    HtmlWriter w(24576);
    write_page_heading(w, questionnaire.title.in(lang), L(lang, "Aide et mode d'emploi", "Help and instructions"));

    static constexpr const char* kOrder[] = {"how_to", "when_to_use", "four_parts", "terminology", "foreword",
                                             "attribution"};
    w.open("nav", {{"class", "toc"}, {"aria-label", L(lang, "Sommaire", "Contents")}});
    w.open("ol");
    for (const char* id : kOrder) {
        const ContentText* text = questionnaire.find_content(id);
        if (!text) continue;
        w.open("li").element("a", {{"href", std::string("#") + id}}, text->title.in(lang)).close("li");
    }
    w.close("ol");
    w.close("nav");
    write_blank_questionnaire_links(w, lang);

    for (const char* id : kOrder) {
        const ContentText* text = questionnaire.find_content(id);
        if (!text) continue;
        w.open("section", {{"class", "help-text"}, {"id", id}, {"aria-labelledby", std::string("h-") + id}});
        w.element("h2", {{"id", std::string("h-") + id}}, text->title.in(lang));
        w.open("div", {{"class", "markup"}});
        w.markup(text->body.in(lang));
        w.close("div");
        if (std::string_view(id) == "four_parts") {
            // The seed's clickable parts: each opens its flowchart.
            const std::string base = context.vendor ? "/vendor/flowcharts" : "/flowcharts";
            w.open("ol", {{"class", "flowchart-parts"}});
            for (const auto& part : questionnaire.parts) {
                w.open("li");
                w.element("a", {{"href", base + "/" + std::to_string(part.index + 1)}},
                          std::string(L(lang, "Logigramme de la partie ", "Flowchart of part ")) +
                              std::to_string(part.index + 1) + " — " + part.title.in(lang));
                w.close("li");
            }
            w.close("ol");
            w.open("p").element("a", {{"href", base}}, L(lang, "Vue d'ensemble des parties", "Overview of the parts")).close("p");
        }
        if (std::string_view(id) == "how_to") {
            w.element("p", L(lang,
                             "Dans les logigrammes, chaque page porte son état en toutes lettres : « ✓ complet », "
                             "« incomplet », « sans objet » (branche non prise, bordure en pointillés) ou "
                             "« page actuelle » (bordure épaisse) ; chaque décision porte la réponse donnée, "
                             "et le chemin suivi est tracé en flèches épaisses.",
                             "In the flowcharts, each page states its status in words: \"✓ complete\", \"incomplete\", "
                             "\"not applicable\" (branch not taken, dashed border) or \"current page\" (thick border); each "
                             "decision shows the answer given, and the path taken is drawn with thick arrows."));
            // The seed's icons and their counterparts on these pages.
            w.open("div", {{"class", "table-wrap"}});
            w.open("table", {{"class", "data-table legend"}});
            w.element("caption", L(lang, "Les icônes du document AFIB dans Cyberachat", "The AFIB document's icons in Cyberachat"));
            w.open("thead").open("tr");
            w.element("th", {{"scope", "col"}}, L(lang, "Dans le document AFIB", "In the AFIB document"));
            w.element("th", {{"scope", "col"}}, L(lang, "Dans Cyberachat", "In Cyberachat"));
            w.close("tr").close("thead").open("tbody");
            const std::pair<const char*, const char*> rows_fr[] = {
                {"Revenir au début du document", "Lien «\u00A0Début\u00A0»"},
                {"Revenir au logigramme concerné par la section", "Lien «\u00A0Logigramme\u00A0» (chaque page, dessinée dans le logigramme de sa partie, y est cliquable)"},
                {"Revenir au mode d'emploi", "Lien «\u00A0Aide\u00A0»"},
                {"Diapositive précédente ou suivante", "Liens «\u00A0Section précédente\u00A0» et «\u00A0Section suivante\u00A0»"},
                {"Type de réponse\u00A0: oui / non", "Deux boutons radio «\u00A0Oui\u00A0» et «\u00A0Non\u00A0»"},
                {"Type de réponse\u00A0: texte", "Zone de texte"},
                {"Type de réponse\u00A0: document", "Choix d'un fichier et bouton «\u00A0Envoyer le fichier\u00A0»"},
                {"Type de réponse\u00A0: chiffre", "Nombre, virgule décimale acceptée, unité affichée à côté"},
                {"Informations complémentaires", "Encadré dépliable «\u00A0Informations complémentaires\u00A0»"},
            };
            const std::pair<const char*, const char*> rows_en[] = {
                {"Go back to the start of the document", "\"Start\" link"},
                {"Go back to the section's flowchart", "\"Flowchart\" link (each page, drawn in its part's flowchart, is clickable there)"},
                {"Go back to the instructions", "\"Help\" link"},
                {"Previous or next slide", "\"Previous section\" and \"Next section\" links"},
                {"Answer type: yes / no", "Two radio buttons \"Yes\" and \"No\""},
                {"Answer type: text", "Text box"},
                {"Answer type: document", "File chooser and \"Upload the file\" button"},
                {"Answer type: number", "Number, decimal comma accepted, unit shown next to it"},
                {"Additional information", "Collapsible box \"Additional information\""},
            };
            const auto& rows = lang == Language::en ? rows_en : rows_fr;
            for (const auto& [seed, here] : rows) {
                w.open("tr");
                w.element("th", {{"scope", "row"}}, seed);
                w.element("td", here);
                w.close("tr");
            }
            w.close("tbody").close("table").close("div");
        }
        w.close("section");
    }

    const Source& source = questionnaire.source;
    auto is_web_address = [](std::string_view url) {
        return url.substr(0, 8) == "https://" || url.substr(0, 7) == "http://";
    };
    if (is_web_address(source.doi) || is_web_address(source.permalink)) {
        w.open("section", {{"class", "help-text"}, {"id", "source"}, {"aria-labelledby", "h-source"}});
        w.element("h2", {{"id", "h-source"}}, L(lang, "Source", "Source"));
        w.element("p", source.title.in(lang));
        w.open("ul");
        if (is_web_address(source.doi)) {
            w.open("li").text("DOI" + std::string(lang == Language::en ? ": " : "\u00A0: "));
            w.element("a", {{"href", source.doi}}, source.doi).close("li");
        }
        if (is_web_address(source.permalink)) {
            w.open("li").text(with_colon(L(lang, "Permalien", "Permalink"), lang));
            w.element("a", {{"href", source.permalink}}, source.permalink).close("li");
        }
        w.close("ul");
        w.close("section");
    }
    w.open("p");
    w.element("a", {{"href", context.vendor ? "/vendor" : "/acquisitions"}},
              context.vendor ? L(lang, "Retour au questionnaire", "Back to the questionnaire")
                             : L(lang, "Retour aux achats", "Back to purchases"));
    w.close("p");
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
