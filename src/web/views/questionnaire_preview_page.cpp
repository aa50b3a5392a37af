#include "web/views/questionnaire_preview_page.hpp"

#include "core/kind_traits.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

namespace {

std::string preview_url(const Section& section, Language lang) {
    return "/questionnaire/sections/" + section.id + (lang == Language::en ? "?lang=en" : "");
}

void write_preview_question(HtmlWriter& w, const Question& question, Language lang) {
    w.open("li", {{"class", "preview-question"}, {"id", "q-" + question.id}, {"data-question", question.id}});
    w.open("p", {{"class", "question-label"}});
    w.text(question.label.in(lang));
    write_required_mark(w, question.required, lang);
    w.close("p");
    const KindTraits& traits = kind_traits(question.kind);
    std::string expected = in_language(lang, traits.expected_fr, traits.expected_en);
    if (!question.unit.empty()) expected += " (" + question.unit + ")";
    w.element("p", {{"class", "muted preview-kind"}}, with_colon(L(lang, "Réponse attendue", "Expected answer"), lang) + expected);
    if (!question.help.in(lang).empty()) w.element("p", {{"class", "help"}}, question.help.in(lang));
    if (!question.choices.empty()) {
        w.open("ul", {{"class", "preview-choices"}});
        for (const Choice& choice : question.choices) w.element("li", choice.label.in(lang));
        w.close("ul");
    }
    if (!question.show_if_text.empty())
        w.element("p", {{"class", "muted preview-condition"}},
                  with_colon(L(lang, "Posée seulement si", "Asked only if"), lang) + question.show_if_text);
    w.close("li");
}

}  // namespace

std::string render_questionnaire_preview_page(const PageContext& context, const Questionnaire& questionnaire,
                                              const Section& section) {
    const Language lang = context.language;
    PageContext page = context;
    if (page.title.empty()) page.title = section.title.in(lang);
    HtmlWriter w(8192);
    const Part& part = questionnaire.parts.at(section.part_index);
    write_page_heading(w, part_heading(part, lang), section.title.in(lang));
    w.element("p", {{"class", "notice"}, {"id", "preview-notice"}},
              L(lang,
                "Aperçu en lecture seule : les questions que le fournisseur voit sur cette page, telles qu'il les lit. "
                "Rien ne peut être répondu ici.",
                "Read-only preview: the questions the vendor sees on this page, as it reads them. Nothing can be "
                "answered here."));
    if (!section.show_if_text.empty())
        w.element("p", {{"class", "muted preview-condition"}},
                  with_colon(L(lang, "Page posée seulement si", "Page asked only if"), lang) + section.show_if_text);
    if (!section.note.in(lang).empty()) {
        w.open("details", {{"class", "note"}, {"open", true}});
        w.element("summary", L(lang, "Informations complémentaires", "Additional information"));
        w.open("div", {{"class", "markup"}});
        w.markup(section.note.in(lang));
        w.close("div");
        w.close("details");
    }
    w.open("ol", {{"class", "preview-questions"}});
    for (const Question& question : section.questions) write_preview_question(w, question, lang);
    w.close("ol");

    // Previous and next pages of the questionnaire, the part's flowchart, the other language.
    const auto& sections = questionnaire.sections();
    w.open("nav", {{"class", "section-nav"}, {"aria-label", L(lang, "Pages du questionnaire", "Questionnaire pages")}});
    if (section.index > 0)
        w.element("a", {{"href", preview_url(*sections[section.index - 1], lang)}, {"rel", "prev"}},
                  std::string(L(lang, "Page précédente : ", "Previous page: ")) + sections[section.index - 1]->title.in(lang));
    w.element("a", {{"href", "/flowcharts/" + std::to_string(part.index + 1)}},
              std::string(L(lang, "Logigramme de la partie ", "Flowchart of part ")) + std::to_string(part.index + 1));
    if (section.index + 1 < sections.size())
        w.element("a", {{"href", preview_url(*sections[section.index + 1], lang)}, {"rel", "next"}},
                  std::string(L(lang, "Page suivante : ", "Next page: ")) + sections[section.index + 1]->title.in(lang));
    w.element("a", {{"href", preview_url(section, lang == Language::en ? Language::fr : Language::en)},
                    {"hreflang", lang == Language::en ? "fr" : "en"}},
              L(lang, "Version anglaise (fournisseurs)", "French version"));
    w.close("nav");
    return render_layout(page, w.take());
}

}  // namespace cyberachat::web::views
