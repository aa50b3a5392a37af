#include "web/views/response_page.hpp"

#include "core/answer_source.hpp"
#include "core/end_of_use.hpp"
#include "web/views/support_findings_panel.hpp"
#include "web/views/manufacturer_document_cards.hpp"

#include "core/answer.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/answer_format.hpp"
#include "web/views/detail_list.hpp"
#include "web/views/evaluation_labels.hpp"
#include "web/views/evaluation_panel.hpp"
#include "web/views/excel_cards.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/messages_panel.hpp"
#include "web/views/progress_bars.hpp"
#include "web/views/status_labels.hpp"
#include "web/views/vendor_history_page.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

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

// "Valeur importée du MDS2 « fichier » (lignes MLDP-2, MLDP-2.1)", the file linked when it is kept.
void write_answer_source(HtmlWriter& w, const ResponseView& view, const StoredAnswer& answer, std::string_view document_prefix) {
    const auto source = parse_answer_source(answer.source);
    if (!source) return;
    if (source->kind == "reuse") {
        const std::string earlier = std::to_string(source->response);
        w.open("p", {{"class", "answer-source"}, {"data-source", "reuse"}});
        w.text("Valeur reprise par le fournisseur de sa réponse antérieure ");
        w.element("a", {{"href", "/responses/" + earlier}}, "n° " + earlier);
        w.text(" — ");
        w.element("a", {{"href", "/responses/" + std::to_string(view.response.id) + "/compare/" + earlier}},
                  "comparer les deux réponses");
        w.close("p");
        return;
    }
    w.open("p", {{"class", "answer-source"}, {"data-source", source->kind}});
    w.text(std::string("Valeur importée du ") + (source->kind == "sbom" ? "SBOM" : "MDS2") + " ");
    const StoredDocument* file = nullptr;
    if (auto kept = view.documents.find(source->kind); kept != view.documents.end())
        for (const auto& document : kept->second)
            if (document.sha256 == source->sha256) file = &document;
    if (file)
        w.element("a", {{"href", std::string(document_prefix) + std::to_string(file->id)}}, "« " + source->file + " »");
    else
        w.text("« " + source->file + " »");
    if (!source->lines.empty()) {
        std::string lines;
        for (const auto& line : source->lines) lines += (lines.empty() ? "" : ", ") + line;
        w.text(std::string(source->lines.size() > 1 ? " (lignes " : " (ligne ") + lines + ")");
    }
    w.close("p");
}

// The value of one question for reading, with its comment and documents.
void write_answer_block(HtmlWriter& w, const ResponseView& view, const Question& question, Language language,
                        std::string_view document_prefix) {
    const StoredAnswer* answer = find_answer(view, question.id);
    const auto* documents = find_documents(view, question.id);
    if (question.kind == QuestionKind::document) {
        write_document_answer(w, answer ? answer->value : json(), documents, language, document_prefix, true);
    } else {
        write_answer_value(w, question, answer ? answer->value : json(), language);
        if (documents) write_documents(w, *documents, language, document_prefix, true);
    }
    if (answer) write_answer_source(w, view, *answer, document_prefix);
    if (answer && !answer->comment.empty()) {
        w.open("div", {{"class", "answer-comment"}});
        w.element("p", {{"class", "comment-label"}}, L(language, "Commentaire", "Comment"));
        w.element("p", {{"class", "long-text"}}, answer->comment);
        w.close("div");
    }
}

}  // namespace

std::string render_response_page(const PageContext& context, const ResponseView& view, const EvaluationPanel* evaluation,
                                 const MessagesPanel* messages) {
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
    write_response_status_badge(w, response);
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
    write_vendor_history_link(w, response);
    w.close("section");
    if (context.rights.export_data)
        write_hospital_excel_card(w, response.id, response.status == ResponseStatus::submitted || !context.rights.import_for_vendor);
    write_hospital_manufacturer_card(w, response.id,
                                     response.status != ResponseStatus::submitted && context.rights.import_for_vendor,
                                     manufacturer_documents(view));

    if (messages) write_messages_panel(w, context, *messages);
    if (evaluation) write_evaluation_panel(w, context, questionnaire, *evaluation, view.answers);
    if (evaluation && evaluation->support) {
        const EndOfUse end_of_use = expected_end_of_use(view.acquisition);
        write_support_findings_card(w, *evaluation->support, questionnaire, end_of_use.date, !end_of_use.set_by_lead);
    }

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
    if (context.rights.export_data) {
        w.open("li");
        w.element("a", {{"href", "/api/v1/responses/" + std::to_string(response.id) + "/report.pdf"},
                        {"class", "report-link"}, {"download", true}},
                  "Rapport PDF de cette réponse");
        w.close("li");
    }
    w.open("li");
    w.element("a", {{"href", "/responses/" + std::to_string(response.id) + "/journal"}, {"class", "journal-link"}},
              "Journal : l'historique de chaque réponse (qui, quand, d'où)");
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

}  // namespace cyberachat::web::views
