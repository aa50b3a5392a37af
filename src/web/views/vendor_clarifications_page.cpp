#include "web/views/vendor_clarifications_page.hpp"

#include "core/kind_traits.hpp"
#include "core/purchase_title.hpp"
#include "web/views/answer_format.hpp"
#include "web/views/answer_input.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

std::string render_vendor_clarifications_page(const PageContext& context, const ResponseView& view,
                                              const std::vector<OpenClarification>& clarifications) {
    const Language lang = context.language;
    PageContext page = context;
    HtmlWriter w(16384);
    write_page_heading(w, title_for(view.acquisition, lang), L(lang, "Précisions demandées", "Clarifications requested"));
    w.element("p", {{"class", "lead"}},
              L(lang,
                "L'établissement vous demande de préciser certaines réponses. Vous pouvez répondre à ces questions "
                "seulement\u00A0: le reste de votre réponse reste verrouillé.",
                "The hospital asks you to clarify some answers. You can answer these questions only: the rest of "
                "your response stays locked."));
    if (clarifications.empty())
        w.element("p", {{"class", "notice notice-success"}},
                  L(lang, "Aucune précision n'est demandée pour l'instant.", "No clarification is requested at the moment."));
    for (const auto& clarification : clarifications) {
        const Question* question = view.questionnaire.find_question(clarification.question_id);
        if (!question) continue;
        auto stored = view.answers.find(question->id);
        const nlohmann::json current = stored != view.answers.end() ? stored->second.value : nlohmann::json();
        w.open("section", {{"class", "card clarification"}, {"id", "q-" + question->id},
                           {"aria-labelledby", "cl-" + question->id}});
        w.element("h2", {{"id", "cl-" + question->id}}, question->label.in(lang));
        w.open("p", {{"class", "clarification-question"}});
        w.element("strong", with_colon(L(lang, "Question de l'établissement", "The hospital's question"), lang));
        w.text(clarification.vendor_question);
        w.close("p");
        w.open("div", {{"class", "answer-value"}});
        w.text(with_colon(L(lang, "Votre réponse actuelle", "Your current answer"), lang));
        if (question->kind == QuestionKind::document) {
            auto documents = view.documents.find(question->id);
            write_document_answer(w, current, documents != view.documents.end() ? &documents->second : nullptr, lang,
                                  "/vendor/documents/", false);
        } else {
            write_answer_value(w, *question, current, lang);
        }
        w.close("div");
        w.open("form", {{"method", "post"}, {"action", "/vendor/clarifications/" + question->id}, {"class", "stack"}});
        write_csrf_field(w, context);
        write_clarification_input(w, *question, current, lang);
        const std::string id = "e-" + question->id;
        w.open("label", {{"for", id}});
        w.text(L(lang, "Votre précision", "Your clarification"));
        write_required_mark(w, true, lang);
        w.close("label");
        w.element("textarea", {{"id", id}, {"name", "explanation"}, {"rows", 4}, {"required", true}}, "");
        w.element("button", {{"type", "submit"}, {"class", "button button-primary"}},
                  L(lang, "Envoyer la précision", "Send the clarification"));
        w.close("form");
        w.close("section");
    }
    w.element("a", {{"href", "/vendor"}, {"class", "button button-secondary"}}, L(lang, "Retour à l'accueil", "Back to the home page"));
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
