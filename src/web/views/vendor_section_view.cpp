// GET /vendor/sections/{sid}: the vendor's form for one section (docs/web-forms.md is the contract).
#include <string>

#include "core/answer.hpp"
#include "core/answer_validation.hpp"
#include "web/html/html_writer.hpp"
#include "web/views/answer_format.hpp"
#include "web/views/layout_view.hpp"
#include "web/views/response_views.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;
using nlohmann::json;

namespace {

constexpr size_t kMaxRadioChoices = 6;

// Everything needed to render one question.
struct QuestionState {
    const Question& question;
    bool visible = true;
    const StoredAnswer* answer = nullptr;
    const std::string* error = nullptr;
    const std::string* rejected = nullptr;
    const json* rejected_record = nullptr;  // a table's rows or a contact's fields as typed, refused
    const std::vector<StoredDocument>* documents = nullptr;

    const json& value() const {
        static const json null_value;
        return answer ? answer->value : null_value;
    }
    std::string_view comment() const { return answer ? std::string_view(answer->comment) : std::string_view(); }
    std::int64_t revision() const { return answer ? answer->revision : 0; }
};

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

    QuestionState state_of(const Question& question) const {
        QuestionState state{question};
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
                        {"data-current-section", section_.id}});
        w_.open("ul");
        w_.open("li").element("a", {{"href", "/vendor"}, {"class", "tool tool-start"}}, l("Début", "Start")).close("li");
        w_.open("li")
            .element("a", {{"href", "/vendor#part-" + part_.id}, {"class", "tool tool-part"}},
                     std::string(l("Vue de la partie ", "Part overview ")) + std::to_string(part_.index + 1))
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
        write_page_heading(w_, std::string(l("Partie ", "Part ")) + std::to_string(part_.index + 1) + " — " +
                                   part_.title.in(lang_),
                           section_.title.in(lang_));
        if (form_.read_only) {
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
            w_.open("details", {{"class", "note"}});
            w_.element("summary", l("Informations complémentaires", "Additional information"));
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

    // ---- one question --------------------------------------------------------------------------

    static std::string join_ids(std::initializer_list<std::string_view> ids) {
        std::string out;
        for (auto id : ids) {
            if (id.empty()) continue;
            if (!out.empty()) out.push_back(' ');
            out.append(id);
        }
        return out;
    }

    void write_question(const QuestionState& q) {
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
        switch (question.kind) {
            case QuestionKind::yes_no: write_yes_no(q); break;
            case QuestionKind::single_choice:
                if (question.choices.size() <= kMaxRadioChoices)
                    write_choice_group(q, false);
                else
                    write_select(q);
                break;
            case QuestionKind::multiple_choice: write_choice_group(q, true); break;
            case QuestionKind::table: write_table(q); break;
            case QuestionKind::contact: write_contact(q); break;
            case QuestionKind::document: write_document(q); break;
            default: write_scalar(q); break;
        }
        write_comment(q);
        w_.void_tag("input", {{"type", "hidden"}, {"name", "r:" + qid}, {"value", q.revision()}});
        w_.close("div");
    }

    void write_label_text(const Question& question) {
        w_.text(question.label.in(lang_));
        write_required_mark(w_, question.required, lang_);
    }

    bool has_help(const Question& question) const { return !question.help.empty(); }

    void write_help(const Question& question) {
        if (has_help(question)) w_.element("p", {{"class", "help"}, {"id", "help-" + question.id}}, question.help.in(lang_));
    }

    void write_error(const QuestionState& q) {
        w_.open("p", {{"class", "field-error"}, {"data-error", true}, {"id", "err-" + q.question.id}});
        if (q.error) {
            w_.element("span", {{"class", "visually-hidden"}}, l("Erreur\u00A0: ", "Error: "));
            w_.text(*q.error);
        }
        w_.close("p");
    }

    void write_save_status() {
        w_.element("span", {{"class", "save-status"}, {"data-save-status", true}, {"aria-live", "polite"}}, "");
    }

    std::string described_by(const Question& question, bool with_unit = false) const {
        return join_ids({has_help(question) ? "help-" + question.id : std::string(), "err-" + question.id,
                         with_unit ? "unit-" + question.id : std::string()});
    }

    // The current text of a scalar question: the rejected input, or the stored value.
    std::string scalar_text(const QuestionState& q) const {
        if (q.rejected) return *q.rejected;
        return input_value(q.question.kind, q.value(), lang_);
    }

    // One <input>/<textarea>/<select> for a scalar kind (also used for table cells and contact fields).
    void write_input(QuestionKind kind, const std::string& id, const std::string& name, const std::string& value,
                     const std::string& described, bool invalid, bool required, const std::string& unit_id = {}) {
        const char* type = "text";
        const char* inputmode = nullptr;
        const char* autocomplete = nullptr;
        switch (kind) {
            case QuestionKind::long_text: {
                w_.open("textarea", {{"id", id},
                                     {"name", name},
                                     {"rows", 5},
                                     Attr::optional("aria-describedby", described),
                                     Attr::when(required, "aria-required", "true"),
                                     Attr::when(invalid, "aria-invalid", "true")});
                w_.text(value);
                w_.close("textarea");
                return;
            }
            case QuestionKind::yes_no: {
                w_.open("select", {{"id", id},
                                   {"name", name},
                                   Attr::optional("aria-describedby", described),
                                   Attr::when(invalid, "aria-invalid", "true")});
                w_.element("option", {{"value", ""}, Attr::flag("selected", value.empty())}, "—");
                w_.element("option", {{"value", "oui"}, Attr::flag("selected", value == "oui")}, l("Oui", "Yes"));
                w_.element("option", {{"value", "non"}, Attr::flag("selected", value == "non")}, l("Non", "No"));
                w_.close("select");
                return;
            }
            case QuestionKind::number: inputmode = "decimal"; break;
            case QuestionKind::integer: inputmode = "numeric"; break;
            case QuestionKind::date: type = "date"; break;
            case QuestionKind::email:
                type = "email";
                autocomplete = "off";
                break;
            case QuestionKind::phone:
                type = "tel";
                autocomplete = "off";
                break;
            default: break;
        }
        std::string all_described = join_ids({described, unit_id});
        w_.void_tag("input", {{"type", type},
                              {"id", id},
                              {"name", name},
                              {"value", value},
                              Attr::optional("inputmode", inputmode ? inputmode : ""),
                              Attr::optional("autocomplete", autocomplete ? autocomplete : ""),
                              Attr::when(kind == QuestionKind::number || kind == QuestionKind::integer, "class",
                                         "input-number"),
                              Attr::when(kind == QuestionKind::email, "spellcheck", "false"),
                              Attr::optional("aria-describedby", all_described),
                              Attr::when(required, "aria-required", "true"),
                              Attr::when(invalid, "aria-invalid", "true")});
    }

    void write_scalar(const QuestionState& q) {
        const Question& question = q.question;
        const std::string id = "a-" + question.id;
        w_.open("label", {{"for", id}, {"class", "question-label"}});
        write_label_text(question);
        w_.close("label");
        write_help(question);
        write_error(q);
        w_.open("div", {{"class", "input-row"}});
        const bool numeric = is_numeric_kind(question.kind);
        const bool unit = numeric && !question.unit.empty();
        write_input(question.kind, id, "a:" + question.id, scalar_text(q), described_by(question), q.error != nullptr,
                    question.required, unit ? "unit-" + question.id : std::string());
        if (unit) w_.element("span", {{"class", "unit"}, {"id", "unit-" + question.id}}, question.unit);
        write_save_status();
        w_.close("div");
    }

    void open_group(const QuestionState& q, const char* extra_class = "") {
        std::string css = std::string("question-group ") + extra_class;
        w_.open("fieldset", {{"class", css}});
        w_.open("legend", {{"class", "question-label"}});
        write_label_text(q.question);
        w_.close("legend");
        write_help(q.question);
        write_error(q);
    }

    void close_group() {
        write_save_status();
        w_.close("fieldset");
    }

    void write_option(const std::string& type, const std::string& qid, const std::string& value, std::string_view label,
                      bool checked, const std::string& described, bool invalid, bool required) {
        const std::string id = "a-" + qid + "-" + (value.empty() ? std::string("vide") : value);
        w_.open("div", {{"class", "option"}});
        w_.void_tag("input", {{"type", type},
                              {"id", id},
                              {"name", "a:" + qid},
                              {"value", value},
                              Attr::flag("checked", checked),
                              Attr::optional("aria-describedby", described),
                              Attr::when(required && type == "radio", "aria-required", "true"),
                              Attr::when(invalid, "aria-invalid", "true")});
        w_.element("label", {{"for", id}}, label);
        w_.close("div");
    }

    void write_yes_no(const QuestionState& q) {
        const Question& question = q.question;
        std::string current = scalar_text(q);
        open_group(q, "inline-options");
        w_.open("div", {{"class", "options"}});
        const std::string described = described_by(question);
        write_option("radio", question.id, "oui", l("Oui", "Yes"), current == "oui", described, q.error != nullptr,
                     question.required);
        write_option("radio", question.id, "non", l("Non", "No"), current == "non", described, q.error != nullptr,
                     question.required);
        w_.close("div");
        close_group();
    }

    bool is_chosen(const QuestionState& q, const std::string& choice_id) const {
        if (q.rejected && q.question.kind == QuestionKind::single_choice) return *q.rejected == choice_id;
        const json& value = q.value();
        if (value.is_string()) return value.get_ref<const std::string&>() == choice_id;
        if (value.is_array())
            for (const auto& item : value)
                if (item.is_string() && item.get_ref<const std::string&>() == choice_id) return true;
        return false;
    }

    void write_choice_group(const QuestionState& q, bool multiple) {
        const Question& question = q.question;
        const bool short_labels = [&] {
            for (const auto& choice : question.choices)
                if (choice.label.in(lang_).size() > 24) return false;
            return true;
        }();
        open_group(q, short_labels ? "inline-options" : "");
        w_.open("div", {{"class", "options"}});
        const std::string described = described_by(question);
        for (const auto& choice : question.choices)
            write_option(multiple ? "checkbox" : "radio", question.id, choice.id, choice.label.in(lang_),
                         is_chosen(q, choice.id), described, q.error != nullptr, question.required);
        w_.close("div");
        close_group();
    }

    void write_select(const QuestionState& q) {
        const Question& question = q.question;
        const std::string id = "a-" + question.id;
        w_.open("label", {{"for", id}, {"class", "question-label"}});
        write_label_text(question);
        w_.close("label");
        write_help(question);
        write_error(q);
        w_.open("div", {{"class", "input-row"}});
        w_.open("select", {{"id", id},
                           {"name", "a:" + question.id},
                           Attr::optional("aria-describedby", described_by(question)),
                           Attr::when(question.required, "aria-required", "true"),
                           Attr::when(q.error != nullptr, "aria-invalid", "true")});
        bool any = false;
        for (const auto& choice : question.choices) any = any || is_chosen(q, choice.id);
        w_.element("option", {{"value", ""}, Attr::flag("selected", !any)}, l("— Choisir —", "— Choose —"));
        for (const auto& choice : question.choices)
            w_.element("option", {{"value", choice.id}, Attr::flag("selected", is_chosen(q, choice.id))},
                       choice.label.in(lang_));
        w_.close("select");
        write_save_status();
        w_.close("div");
    }

    static std::string field_text(const json& record, const Field& field, Language language) {
        if (!record.is_object()) return {};
        auto it = record.find(field.id);
        if (it == record.end()) return {};
        return input_value(field.kind, *it, language);
    }

    void write_table(const QuestionState& q) {
        const Question& question = q.question;
        const std::string& qid = question.id;
        const json& value = q.rejected_record ? *q.rejected_record : q.value();  // a refused input is shown back
        const size_t stored_rows = value.is_array() ? value.size() : 0;
        const std::string described = described_by(question);
        const bool invalid = q.error != nullptr;
        const char* row_word = l("ligne", "row");
        open_group(q, "table-group");
        w_.open("div", {{"class", "table-wrap"}});
        w_.open("table", {{"class", "input-table"}, {"id", "table-" + qid}, {"data-row-word", row_word}});
        w_.open("thead").open("tr");
        w_.element("th", {{"scope", "col"}, {"class", "row-number"}}, l("N°", "No."));
        for (const auto& field : question.fields) w_.element("th", {{"scope", "col"}}, field.label.in(lang_));
        w_.close("tr").close("thead");
        w_.open("tbody");
        for (size_t row = 0; row <= stored_rows; ++row) {
            static const json empty_record = json::object();
            const json& record = row < stored_rows ? value[row] : empty_record;
            const std::string r = std::to_string(row);
            w_.open("tr", {{"data-row", row}});
            w_.element("th", {{"scope", "row"}, {"class", "row-number"}}, std::to_string(row + 1));
            for (const auto& field : question.fields) {
                const std::string id = "a-" + qid + "-" + r + "-" + field.id;
                w_.open("td");
                w_.element("label", {{"for", id}, {"class", "visually-hidden"}, {"data-col-label", field.label.in(lang_)}},
                           field.label.in(lang_) + ", " + row_word + " " + std::to_string(row + 1));
                write_input(field.kind, id, "a:" + qid + ":" + r + ":" + field.id, field_text(record, field, lang_),
                            described, invalid, false);
                w_.close("td");
            }
            w_.close("tr");
        }
        w_.close("tbody");
        w_.close("table");
        w_.close("div");
        w_.element("button", {{"type", "button"}, {"class", "button button-small button-secondary"},
                              {"data-add-row", qid}, {"hidden", true}},
                   l("Ajouter une ligne", "Add a row"));
        close_group();
    }

    void write_contact(const QuestionState& q) {
        const Question& question = q.question;
        const std::vector<Field>& fields = question.fields.empty() ? standard_contact_fields() : question.fields;
        const json& value = q.rejected_record ? *q.rejected_record : q.value();  // a refused input is shown back
        const std::string described = described_by(question);
        open_group(q, "contact-group");
        w_.open("div", {{"class", "contact-fields"}});
        for (const auto& field : fields) {
            const std::string id = "a-" + question.id + "-" + field.id;
            w_.open("div", {{"class", field.kind == QuestionKind::long_text ? "field field-wide" : "field"}});
            w_.element("label", {{"for", id}}, field.label.in(lang_));
            write_input(field.kind, id, "a:" + question.id + ":" + field.id, field_text(value, field, lang_), described,
                        q.error != nullptr, false);
            w_.close("div");
        }
        w_.close("div");
        close_group();
    }

    void write_document(const QuestionState& q) {
        const Question& question = q.question;
        const std::string& qid = question.id;
        const std::string label_id = "label-" + qid;
        w_.open("p", {{"class", "question-label"}, {"id", label_id}});
        write_label_text(question);
        w_.close("p");
        write_help(question);
        write_error(q);
        if (q.documents && !q.documents->empty()) {
            w_.open("ul", {{"class", "documents"}, {"aria-labelledby", label_id}});
            for (const auto& document : *q.documents) {
                const std::string id = std::to_string(document.id);
                w_.open("li", {{"class", "document"}, {"data-document-id", document.id}});
                w_.element("a", {{"href", "/vendor/documents/" + id}, {"class", "document-name"}}, document.file_name);
                w_.text(" ");
                w_.element("span", {{"class", "document-meta"}}, "(" + format_size(document.size, lang_) + ")");
                w_.text(" ");
                w_.open("span", {{"class", "document-sha"}});
                w_.text(with_colon("SHA-256", lang_));
                w_.element("code", {{"class", "sha256"}, {"title", document.sha256}}, abridged_sha256(document.sha256));
                w_.close("span");
                w_.text(" ");
                w_.open("button", {{"type", "submit"}, {"form", "delete-" + id}, {"class", "button button-small button-danger"}});
                w_.text(l("Supprimer", "Delete"));
                w_.element("span", {{"class", "visually-hidden"}}, " " + document.file_name);
                w_.close("button");
                w_.close("li");
            }
            w_.close("ul");
        } else {
            w_.element("p", {{"class", "muted no-documents"}}, l("Aucun fichier joint pour l'instant.", "No file attached yet."));
        }
        const std::string file_id = "file-" + qid;
        const std::string file_help = "file-help-" + qid;
        w_.open("div", {{"class", "upload"}});
        w_.element("label", {{"for", file_id}}, l("Ajouter un fichier", "Add a file"));
        w_.element("p", {{"class", "help"}, {"id", file_help}},
                   l("PDF, image ou document bureautique. Enregistrez vos réponses avant d'envoyer un fichier si "
                     "vous n'utilisez pas l'enregistrement automatique.",
                     "PDF, image or office document. Save your answers before uploading a file if automatic saving "
                     "is not available."));
        w_.open("div", {{"class", "input-row"}});
        w_.void_tag("input", {{"type", "file"},
                              {"id", file_id},
                              {"name", "file"},
                              {"form", "upload-" + qid},
                              {"aria-describedby", join_ids({file_help, "err-" + qid})},
                              Attr::when(q.error != nullptr, "aria-invalid", "true")});
        w_.element("button", {{"type", "submit"}, {"form", "upload-" + qid}, {"class", "button button-small button-secondary"}},
                   l("Envoyer le fichier", "Upload the file"));
        w_.close("div");
        w_.close("div");
        write_save_status();
    }

    void write_comment(const QuestionState& q) {
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
            QuestionState q = state_of(question);
            if (!q.visible) continue;
            w_.open("div", {{"class", "question question-read-only"}, {"id", "q-" + question.id},
                            {"data-question", question.id}});
            w_.element("p", {{"class", "question-label"}}, question.label.in(lang_));
            w_.open("div", {{"class", "answer-value"}});
            if (question.kind == QuestionKind::document) {
                if (q.documents && !q.documents->empty())
                    write_documents(w_, *q.documents, lang_, "/vendor/documents/", false);
                else
                    write_unanswered(w_, lang_);
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
