#include "web/views/vendor_section_page.hpp"

#include <string>

#include "core/section_fingerprint.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/answer_format.hpp"
#include "web/views/answer_kind_icon.hpp"
#include "web/views/answer_input.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/progress_bars.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;

namespace {

class SectionPage {
public:
    SectionPage(const PageContext& context, const ResponseView& view, const SectionForm& form)
        : context_(context),
          view_(view),
          form_(form),
          section_(form.section),
          part_(view.questionnaire.parts.at(form.section.part_index)),
          lang_(context.language),
          w_(24576 + form.section.questions.size() * 2048) {}

    std::string render() {
        write_top_navigation();
        w_.open("div", {{"class", "section-layout"}});
        write_side_navigation();
        w_.open("div", {{"class", "section-main"}});
        write_heading();
        if (form_.read_only) {
            write_read_only();
        } else {
            write_form();
            write_detached_forms();
        }
        w_.close("div");
        w_.close("div");
        PageContext page = context_;
        if (page.title.empty()) page.title = section_.title.in(lang_);
        return render_layout(page, w_.take());
    }

private:
    const char* l(const char* fr, const char* en) const { return L(lang_, fr, en); }

    AnswerInput state_of(const Question& question) const {
        AnswerInput state{question};
        state.visible = view_.evaluation.is_visible(question);
        if (auto it = view_.answers.find(question.id); it != view_.answers.end()) state.answer = &it->second;
        if (auto it = form_.errors.find(question.id); it != form_.errors.end()) state.error = &it->second;
        if (auto it = form_.rejected_input.find(question.id); it != form_.rejected_input.end())
            state.rejected = &it->second;
        if (auto it = form_.rejected_records.find(question.id); it != form_.rejected_records.end())
            state.rejected_record = &it->second;
        if (auto it = view_.documents.find(question.id); it != view_.documents.end()) state.documents = &it->second;
        return state;
    }

    // ---- navigation ----------------------------------------------------------------------------

    // Previous / next skip the sections that do not apply. The ordered list of sections rides on
    // the nav so that app.js can recompute both links when a live answer changes the branching.
    void write_top_navigation() {
        std::string order;
        for (const Section* section : view_.questionnaire.sections()) order += (order.empty() ? "" : " ") + section->id;
        w_.open("nav", {{"class", "section-tools"},
                        {"aria-label", l("Navigation dans le questionnaire", "Questionnaire navigation")},
                        {"data-section-order", order},
                        {"data-current-section", section_.id},
                        // For app.js, when a prerendered page is shown: what to compare with now.
                        {"data-state", section_fingerprint(view_.questionnaire, section_, view_.answers, view_.documents,
                                                           form_.read_only)},
                        {"data-state-url", "/api/v1/vendor/sections/" + section_.id + "/state"}});
        w_.open("ul");
        w_.open("li").element("a", {{"href", "/vendor"}, {"class", "tool tool-start"}}, l("Début", "Start")).close("li");
        w_.open("li")
            .element("a", {{"href", "/vendor#part-" + part_.id}, {"class", "tool tool-part"}},
                     lang_ == Language::en ? "Part " + std::to_string(part_.index + 1) + " overview"
                                           : "Vue de la partie " + std::to_string(part_.index + 1))
            .close("li");
        w_.open("li")
            .element("a", {{"href", "/vendor/flowcharts/" + std::to_string(part_.index + 1) + "?current=" + section_.id},
                           {"class", "tool tool-flowchart"}},
                     std::string(l("Logigramme de la partie ", "Flowchart of part ")) + std::to_string(part_.index + 1))
            .close("li");
        w_.open("li").element("a", {{"href", "/vendor/help"}, {"class", "tool tool-help"}}, l("Aide", "Help")).close("li");
        w_.open("li", {{"class", "tool-spacer"}});
        const auto& previous = form_.navigation.previous_section_id;
        w_.element("a", {{"href", previous ? section_url(*previous) : std::string("/vendor")}, {"rel", "prev"},
                         {"class", "tool tool-previous"}, Attr::flag("hidden", !previous)},
                   l("Section précédente", "Previous section"));
        w_.close("li");
        w_.open("li");
        const auto& next = form_.navigation.next_section_id;
        const char* next_label = l("Section suivante", "Next section");
        const char* review_label = l("Vérification et envoi", "Review and submit");
        w_.element("a", {{"href", next ? section_url(*next) : std::string("/vendor/review")}, {"rel", "next"},
                         {"class", "tool tool-next"}, {"data-label-next", next_label}, {"data-label-review", review_label}},
                   next ? next_label : review_label);
        w_.close("li");
        w_.close("ul");
        w_.close("nav");
    }

    void write_side_navigation() {
        const std::string part_title = part_.short_title.in(lang_);
        w_.open("nav", {{"class", "side-nav"},
                        {"aria-label", std::string(l("Sections de la partie ", "Sections of part ")) +
                                           std::to_string(part_.index + 1)}});
        w_.element("p", {{"class", "side-nav-title"}},
                   std::string(l("Partie ", "Part ")) + std::to_string(part_.index + 1) + " — " + part_title);
        write_progress(w_, part_.id, l("Progression de la partie", "Part progress"),
                       view_.evaluation.parts.at(part_.index).percent(), lang_);
        // The status labels, for app.js to update the list as answers are saved.
        w_.open("ol", {{"class", "section-list"},
                       {"data-label-complete", std::string(l("Complète", "Complete"))},
                       {"data-label-incomplete", std::string(l("À compléter", "To complete"))}});
        for (const auto& section : part_.sections) {
            const SectionState& state = view_.evaluation.sections.at(section.index);
            const bool current = &section == &section_ || section.id == section_.id;
            w_.open("li");
            w_.open("a", {{"href", section_url(section.id)},
                          {"data-section-link", section.id},
                          {"class", state.complete() ? "section-link is-complete" : "section-link is-incomplete"},
                          Attr::when(current, "aria-current", "page"),
                          Attr::flag("hidden", !state.visible)});
            w_.element("span", {{"class", "section-link-title"}}, section.title.in(lang_));
            w_.element("span", {{"class", "section-link-status"}}, section_status_text(state, lang_));
            w_.close("a");
            w_.close("li");
        }
        w_.close("ol");
        write_progress(w_, "overall", l("Progression globale", "Overall progress"), view_.evaluation.overall.percent(),
                       lang_);
        w_.close("nav");
    }

    void write_heading() {
        write_page_heading(w_, part_heading(part_, lang_), section_.title.in(lang_));
        if (form_.read_only && view_.response.status == ResponseStatus::submitted) {
            w_.open("div", {{"class", "notice"}, {"role", "status"}});
            std::string when = view_.response.submitted_at.empty()
                                   ? std::string()
                                   : std::string(l(" le ", " on ")) + format_datetime(view_.response.submitted_at, lang_);
            w_.element("p", std::string(l("Votre réponse a été envoyée", "Your response was submitted")) + when +
                                l(". Elle ne peut plus être modifiée\u202F; contactez l'établissement pour la rouvrir.",
                                  ". It can no longer be changed; contact the hospital to reopen it."));
            w_.close("div");
        }
        if (!form_.errors.empty()) write_error_summary();
        if (!section_.note.empty()) {
            w_.open("details", {{"class", "note"}, Attr::flag("open", form_.first_visit)});
            w_.open("summary", {{"class", "with-icon"}});
            write_info_icon(w_);
            w_.text(l("Informations complémentaires", "Additional information"));
            w_.close("summary");
            w_.open("div", {{"class", "markup"}});
            w_.markup(section_.note.in(lang_));
            w_.close("div");
            w_.close("details");
        }
    }

    void write_error_summary() {
        w_.open("div", {{"class", "error-summary"}, {"role", "alert"}, {"tabindex", "-1"}, {"id", "error-summary"}});
        const size_t count = form_.errors.size();
        w_.element("h2", count == 1 ? std::string(l("Une réponse n'a pas été enregistrée", "One answer was not saved"))
                                    : std::to_string(count) + l(" réponses n'ont pas été enregistrées",
                                                                " answers were not saved"));
        w_.open("ul");
        for (const auto& question : section_.questions) {
            auto it = form_.errors.find(question.id);
            if (it == form_.errors.end()) continue;
            w_.open("li");
            w_.element("a", {{"href", "#q-" + question.id}}, question.label.in(lang_) + " — " + it->second);
            w_.close("li");
        }
        w_.close("ul");
        w_.close("div");
    }

    // ---- the form ------------------------------------------------------------------------------

    void write_form() {
        w_.element("p", {{"class", "hint"}},
                   l("Vos réponses sont enregistrées au fur et à mesure\u202F; vous pouvez vous arrêter et reprendre plus "
                     "tard avec le même lien. Les questions marquées «\u00A0obligatoire\u00A0» doivent être renseignées avant "
                     "l'envoi.",
                     "Your answers are saved as you go; you can stop and come back later with the same link. "
                     "Questions marked \"required\" must be answered before you submit."));
        w_.open("form", {{"method", "post"},
                         {"action", section_url(section_.id)},
                         {"id", "section-form"},
                         {"class", "section-form"},
                         {"novalidate", true},
                         {"data-autosave", true},
                         {"data-msg-saving", l("Enregistrement…", "Saving…")},
                         {"data-msg-saved", l("Enregistré", "Saved")},
                         {"data-msg-error", l("Échec de l'enregistrement. Réessayez ou utilisez le bouton «\u00A0Enregistrer\u00A0».",
                                              "Could not save. Try again or use the \"Save\" button.")},
                         {"data-msg-conflict", l("Cette réponse a été modifiée entre-temps par une autre personne. "
                                                 "Sa valeur actuelle\u00A0: ",
                                                 "This answer was changed in the meantime by someone else. "
                                                 "Its current value: ")},
                         {"data-msg-conflict-after", l("Enregistrez de nouveau pour la remplacer par la vôtre.",
                                                       "Save again to replace it with yours.")},
                         {"data-msg-submitted", l("La réponse a été envoyée\u00A0: elle ne peut plus être modifiée.",
                                                  "The response has been submitted: it can no longer be changed.")},
                         {"data-msg-empty", l("(vide)", "(empty)")}});
        write_csrf_field(w_, context_);
        for (const auto& question : section_.questions) write_question(state_of(question));
        write_form_buttons();
        w_.close("form");
    }

    void write_form_buttons() {
        w_.open("div", {{"class", "form-nav"}});
        // "save" comes first so that Enter in a field saves without leaving the page.
        w_.element("button", {{"type", "submit"}, {"name", "go"}, {"value", "save"}, {"class", "button button-secondary"}},
                   l("Enregistrer", "Save"));
        if (form_.navigation.previous_section_id)
            w_.element("button", {{"type", "submit"}, {"name", "go"}, {"value", "previous"},
                                  {"class", "button button-secondary"}},
                       l("← Enregistrer et revenir", "← Save and go back"));
        if (form_.navigation.next_section_id)
            w_.element("button", {{"type", "submit"}, {"name", "go"}, {"value", "next"}, {"class", "button button-primary"}},
                       l("Enregistrer et continuer →", "Save and continue →"));
        w_.element("button", {{"type", "submit"},
                               {"name", "go"},
                               {"value", "review"},
                               {"class", form_.navigation.next_section_id ? "button button-link"
                                                                          : "button button-primary"}},
                   l("Vérifier et envoyer", "Review and submit"));
        w_.close("div");
    }

    // The forms that the document inputs and delete buttons point to (HTML forbids nested forms).
    void write_detached_forms() {
        bool any = false;
        for (const auto& question : section_.questions) {
            if (question.kind != QuestionKind::document) continue;
            if (!any) w_.open("div", {{"class", "detached-forms"}});
            any = true;
            w_.open("form", {{"id", "upload-" + question.id},
                             {"method", "post"},
                             {"action", "/vendor/documents/" + question.id},
                             {"enctype", "multipart/form-data"}});
            write_csrf_field(w_, context_);
            w_.close("form");
            if (auto it = view_.documents.find(question.id); it != view_.documents.end()) {
                for (const auto& document : it->second) {
                    const std::string id = std::to_string(document.id);
                    w_.open("form", {{"id", "delete-" + id},
                                     {"method", "post"},
                                     {"action", "/vendor/documents/" + id + "/delete"}});
                    write_csrf_field(w_, context_);
                    w_.close("form");
                }
            }
        }
        if (any) w_.close("div");
    }

    // ---- one question: its input, its comment, its revision ------------------------------------

    void write_question(const AnswerInput& q) {
        const Question& question = q.question;
        const std::string& qid = question.id;
        std::string css = "question question-" + std::string(question_kind_name(question.kind));
        if (q.error) css += " question-invalid";
        w_.open("div", {{"class", css},
                        {"id", "q-" + qid},
                        {"data-question", qid},
                        {"data-kind", question_kind_name(question.kind)},
                        {"data-revision", q.revision()},
                        Attr::flag("hidden", !q.visible)});
        write_new_mark(qid);
        write_answer_input(w_, q, lang_);
        write_comment(q);
        w_.void_tag("input", {{"type", "hidden"}, {"name", "r:" + qid}, {"value", q.revision()}});
        w_.close("div");
    }

    // A question the hospital added after the vendor's first visit: said before its label.
    void write_new_mark(const std::string& qid) {
        if (!view_.is_new(qid)) return;
        w_.element("p", {{"class", "new-question"}, {"id", "new-" + qid}},
                   l("Nouvelle question, ajoutée par l'établissement depuis votre première visite",
                     "New question, added by the hospital since your first visit"));
    }

    void write_comment(const AnswerInput& q) {
        const std::string id = "c-" + q.question.id;
        const bool has_comment = !q.comment().empty();
        w_.open("details", {{"class", "comment"}, Attr::flag("open", has_comment)});
        w_.element("summary", has_comment ? l("Commentaire", "Comment") : l("Ajouter un commentaire", "Add a comment"));
        w_.element("label", {{"for", id}}, l("Commentaire (facultatif)", "Comment (optional)"));
        w_.open("textarea", {{"id", id}, {"name", "c:" + q.question.id}, {"rows", 3}});
        w_.text(q.comment());
        w_.close("textarea");
        w_.close("details");
    }

    // ---- read-only ---------------------------------------------------------------------------

    void write_read_only() {
        w_.open("div", {{"class", "read-only-answers"}});
        for (const auto& question : section_.questions) {
            AnswerInput q = state_of(question);
            if (!q.visible) continue;
            w_.open("div", {{"class", "question question-read-only"}, {"id", "q-" + question.id},
                            {"data-question", question.id}});
            write_new_mark(question.id);
            w_.open("p", {{"class", "question-label"}});
            const AnswerKindIcon icon = answer_kind_icon(question.kind);
            write_answer_kind_icon(w_, icon);
            w_.text(question.label.in(lang_));
            write_answer_kind_text(w_, icon, lang_);
            w_.close("p");
            w_.open("div", {{"class", "answer-value"}});
            if (question.kind == QuestionKind::document) {
                write_document_answer(w_, q.value(), q.documents, lang_, "/vendor/documents/", false);
            } else {
                write_answer_value(w_, question, q.value(), lang_);
            }
            w_.close("div");
            if (!q.comment().empty()) {
                w_.open("div", {{"class", "answer-comment"}});
                w_.element("p", {{"class", "comment-label"}}, l("Commentaire", "Comment"));
                w_.element("p", {{"class", "long-text"}}, q.comment());
                w_.close("div");
            }
            w_.close("div");
        }
        w_.close("div");
        w_.open("nav", {{"class", "form-nav"}, {"aria-label", l("Sections", "Sections")}});
        if (form_.navigation.previous_section_id)
            w_.element("a", {{"href", section_url(*form_.navigation.previous_section_id)}, {"rel", "prev"},
                             {"class", "button button-secondary"}},
                       l("← Section précédente", "← Previous section"));
        if (form_.navigation.next_section_id)
            w_.element("a", {{"href", section_url(*form_.navigation.next_section_id)}, {"rel", "next"},
                             {"class", "button button-primary"}},
                       l("Section suivante →", "Next section →"));
        w_.element("a", {{"href", "/vendor/confirmation"}, {"class", "button button-link"}},
                   l("Accusé de réception", "Receipt"));
        w_.close("nav");
    }

    const PageContext& context_;
    const ResponseView& view_;
    const SectionForm& form_;
    const Section& section_;
    const Part& part_;
    Language lang_;
    HtmlWriter w_;
};

}  // namespace

std::string render_vendor_section_page(const PageContext& context, const ResponseView& view, const SectionForm& form) {
    return SectionPage(context, view, form).render();
}

}  // namespace cyberachat::web::views
