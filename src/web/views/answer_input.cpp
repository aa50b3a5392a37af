#include "web/views/answer_input.hpp"

#include "core/answer_validation.hpp"
#include "core/document_answer.hpp"
#include "web/views/answer_format.hpp"
#include "web/views/question_frame.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::Attr;
using html::HtmlWriter;
using nlohmann::json;

namespace {

// Up to this many choices, one choice is a group of radios; past it, a list.
constexpr size_t kMaxRadioChoices = 6;

class AnswerInputWriter {
public:
    AnswerInputWriter(HtmlWriter& w, Language language) : w_(w), lang_(language) {}

    void write(const AnswerInput& q) {
        const Question& question = q.question;
        switch (question.kind) {
            case QuestionKind::yes_no: write_yes_no(q); return;
            case QuestionKind::single_choice:
                if (question.choices.size() <= kMaxRadioChoices)
                    write_choice_group(q, false);
                else
                    write_select(q);
                return;
            case QuestionKind::multiple_choice: write_choice_group(q, true); return;
            case QuestionKind::table: write_table(q); return;
            case QuestionKind::contact: write_contact(q); return;
            case QuestionKind::document: write_document(q); return;
            case QuestionKind::text:
            case QuestionKind::long_text:
            case QuestionKind::number:
            case QuestionKind::integer:
            case QuestionKind::date:
            case QuestionKind::email:
            case QuestionKind::phone: write_scalar(q); return;
        }
    }

private:
    const char* l(const char* fr, const char* en) const { return L(lang_, fr, en); }

    // The current text of a scalar question: the rejected input, or the stored value.
    std::string scalar_text(const AnswerInput& q) const {
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
            // A plain text input; the others are not scalars, never a table cell or a contact field.
            case QuestionKind::text:
            case QuestionKind::single_choice:
            case QuestionKind::multiple_choice:
            case QuestionKind::document:
            case QuestionKind::table:
            case QuestionKind::contact: break;
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

    void write_scalar(const AnswerInput& q) {
        const Question& question = q.question;
        const std::string id = "a-" + question.id;
        open_question_row(w_, question, q.error, lang_, id);
        const bool numeric = is_numeric_kind(question.kind);
        const bool unit = numeric && !question.unit.empty();
        write_input(question.kind, id, "a:" + question.id, scalar_text(q), question_described_by(question), q.error != nullptr,
                    question.required, unit ? "unit-" + question.id : std::string());
        if (unit) w_.element("span", {{"class", "unit"}, {"id", "unit-" + question.id}}, question.unit);
        close_question_row(w_);
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

    void write_yes_no(const AnswerInput& q) {
        const Question& question = q.question;
        std::string current = scalar_text(q);
        open_question_group(w_, q.question, q.error, lang_, "inline-options");
        w_.open("div", {{"class", "options"}});
        const std::string described = question_described_by(question);
        write_option("radio", question.id, "oui", l("Oui", "Yes"), current == "oui", described, q.error != nullptr,
                     question.required);
        write_option("radio", question.id, "non", l("Non", "No"), current == "non", described, q.error != nullptr,
                     question.required);
        w_.close("div");
        close_question_group(w_);
    }

    bool is_chosen(const AnswerInput& q, const std::string& choice_id) const {
        if (q.rejected && q.question.kind == QuestionKind::single_choice) return *q.rejected == choice_id;
        const json& value = q.value();
        if (value.is_string()) return value.get_ref<const std::string&>() == choice_id;
        if (value.is_array())
            for (const auto& item : value)
                if (item.is_string() && item.get_ref<const std::string&>() == choice_id) return true;
        return false;
    }

    void write_choice_group(const AnswerInput& q, bool multiple) {
        const Question& question = q.question;
        const bool short_labels = [&] {
            for (const auto& choice : question.choices)
                if (choice.label.in(lang_).size() > 24) return false;
            return true;
        }();
        open_question_group(w_, q.question, q.error, lang_, short_labels ? "inline-options" : "");
        w_.open("div", {{"class", "options"}});
        const std::string described = question_described_by(question);
        for (const auto& choice : question.choices)
            write_option(multiple ? "checkbox" : "radio", question.id, choice.id, choice.label.in(lang_),
                         is_chosen(q, choice.id), described, q.error != nullptr, question.required);
        w_.close("div");
        close_question_group(w_);
    }

    void write_select(const AnswerInput& q) {
        const Question& question = q.question;
        const std::string id = "a-" + question.id;
        open_question_row(w_, question, q.error, lang_, id);
        w_.open("select", {{"id", id},
                           {"name", "a:" + question.id},
                           Attr::optional("aria-describedby", question_described_by(question)),
                           Attr::when(question.required, "aria-required", "true"),
                           Attr::when(q.error != nullptr, "aria-invalid", "true")});
        bool any = false;
        for (const auto& choice : question.choices) any = any || is_chosen(q, choice.id);
        w_.element("option", {{"value", ""}, Attr::flag("selected", !any)}, l("— Choisir —", "— Choose —"));
        for (const auto& choice : question.choices)
            w_.element("option", {{"value", choice.id}, Attr::flag("selected", is_chosen(q, choice.id))},
                       choice.label.in(lang_));
        w_.close("select");
        close_question_row(w_);
    }

    static std::string field_text(const json& record, const Field& field, Language language) {
        if (!record.is_object()) return {};
        auto it = record.find(field.id);
        if (it == record.end()) return {};
        return input_value(field.kind, *it, language);
    }

    void write_table(const AnswerInput& q) {
        const Question& question = q.question;
        const std::string& qid = question.id;
        const json& value = q.rejected_record ? *q.rejected_record : q.value();  // a refused input is shown back
        const size_t stored_rows = value.is_array() ? value.size() : 0;
        const std::string described = question_described_by(question);
        const bool invalid = q.error != nullptr;
        const char* row_word = l("ligne", "row");
        open_question_group(w_, q.question, q.error, lang_, "table-group");
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
        close_question_group(w_);
    }

    void write_contact(const AnswerInput& q) {
        const Question& question = q.question;
        const std::vector<Field>& fields = question.fields.empty() ? standard_contact_fields() : question.fields;
        const json& value = q.rejected_record ? *q.rejected_record : q.value();  // a refused input is shown back
        const std::string described = question_described_by(question);
        open_question_group(w_, q.question, q.error, lang_, "contact-group");
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
        close_question_group(w_);
    }

    void write_document(const AnswerInput& q) {
        const Question& question = q.question;
        const std::string& qid = question.id;
        const std::string label_id = "label-" + qid;
        w_.open("p", {{"class", "question-label"}, {"id", label_id}});
        write_question_label_text(w_, question, lang_);
        w_.close("p");
        write_question_help(w_, question, lang_);
        write_question_error(w_, q.question, q.error, lang_);
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
        if (!q.documents || q.documents->empty()) write_document_unavailable(q);
        write_save_status(w_);
    }

    // A document the vendor does not have: "not available", with the reason (core/document_answer).
    // In the section form ("a:{qid}:unavailable", "a:{qid}:reason"); not offered once files are attached.
    void write_document_unavailable(const AnswerInput& q) {
        const std::string& qid = q.question.id;
        const json& shown = q.rejected_record ? *q.rejected_record : q.value();
        const bool stated = is_unavailable_document(shown) || (q.rejected_record && shown.is_object());
        std::string reason;
        if (shown.is_object())
            if (auto it = shown.find("unavailable"); it != shown.end() && it->is_string()) reason = it->get<std::string>();
        const std::string box_id = "unavailable-" + qid;
        const std::string reason_id = "reason-" + qid;
        const std::string reason_help = "reason-help-" + qid;
        w_.open("fieldset", {{"class", "document-unavailable-input"}});
        w_.element("legend", l("Vous ne disposez pas de ce document ?", "You do not have this document?"));
        w_.open("div", {{"class", "choice"}});
        w_.void_tag("input", {{"type", "checkbox"},
                              {"id", box_id},
                              {"name", "a:" + qid + ":unavailable"},
                              {"value", "1"},
                              Attr::flag("checked", stated),
                              {"aria-describedby", "err-" + qid}});
        w_.element("label", {{"for", box_id}}, l("Document non disponible", "Document not available"));
        w_.close("div");
        w_.element("label", {{"for", reason_id}}, l("Raison", "Reason"));
        w_.element("p", {{"class", "help"}, {"id", reason_help}},
                   l("Obligatoire si le document n'est pas disponible (2 000 caractères au plus) : l'établissement la lira "
                     "avec votre réponse.",
                     "Required when the document is not available (at most 2,000 characters): the hospital reads it with "
                     "your answer."));
        w_.open("textarea", {{"id", reason_id},
                             {"name", "a:" + qid + ":reason"},
                             {"rows", 3},
                             {"maxlength", static_cast<std::int64_t>(kMaxUnavailableReasonCharacters)},
                             {"aria-describedby", join_ids({reason_help, "err-" + qid})},
                             Attr::when(q.error != nullptr && stated, "aria-invalid", "true")});
        w_.text(reason);
        w_.close("textarea");
        w_.close("fieldset");
    }

    HtmlWriter& w_;
    Language lang_;
};

}  // namespace

void write_answer_input(HtmlWriter& w, const AnswerInput& input, Language language) {
    AnswerInputWriter(w, language).write(input);
}

void write_clarification_input(HtmlWriter& w, const Question& question, const json& current, Language lang) {
    const std::string id = "v-" + question.id;
    switch (question.kind) {
        case QuestionKind::yes_no: {
            w.open("fieldset");
            w.element("legend", L(lang, "Nouvelle réponse", "New answer"));
            for (const char* value : {"oui", "non"}) {
                w.open("label", {{"class", "option"}});
                w.void_tag("input", {{"type", "radio"}, {"name", "value"}, {"value", value},
                                     Attr::flag("checked", current.is_string() && current.get<std::string>() == value)});
                w.text(" " + yes_no_label(value, lang));
                w.close("label");
            }
            w.close("fieldset");
            return;
        }
        case QuestionKind::single_choice:
            w.element("label", {{"for", id}}, L(lang, "Nouvelle réponse", "New answer"));
            w.open("select", {{"id", id}, {"name", "value"}});
            for (const auto& choice : question.choices)
                w.element("option", {{"value", choice.id},
                                     Attr::flag("selected", current.is_string() && current.get<std::string>() == choice.id)},
                          choice.label.in(lang));
            w.close("select");
            return;
        case QuestionKind::long_text:
            w.element("label", {{"for", id}}, L(lang, "Nouvelle réponse", "New answer"));
            w.element("textarea", {{"id", id}, {"name", "value"}, {"rows", 4}}, current.is_string() ? current.get<std::string>() : "");
            return;
        case QuestionKind::text:
        case QuestionKind::number:
        case QuestionKind::integer:
        case QuestionKind::date:
        case QuestionKind::email:
        case QuestionKind::phone:
            w.element("label", {{"for", id}}, L(lang, "Nouvelle réponse", "New answer"));
            w.void_tag("input", {{"type", "text"}, {"id", id}, {"name", "value"}, {"value", input_value(question.kind, current, lang)}});
            return;
        case QuestionKind::multiple_choice:
        case QuestionKind::document:
        case QuestionKind::table:
        case QuestionKind::contact: return;
    }
}

}  // namespace cyberachat::web::views
