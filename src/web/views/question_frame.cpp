#include "web/views/question_frame.hpp"

#include "web/views/answer_kind_icon.hpp"
#include "web/views/page_context.hpp"
#include "web/views/view_helpers.hpp"

namespace cyberachat::web::views {

using html::HtmlWriter;

namespace {

bool has_help(const Question& question) { return !question.help.empty(); }

}  // namespace

std::string join_ids(std::initializer_list<std::string_view> ids) {
    std::string out;
    for (auto id : ids) {
        if (id.empty()) continue;
        if (!out.empty()) out.push_back(' ');
        out.append(id);
    }
    return out;
}

std::string question_described_by(const Question& question, bool with_unit) {
    return join_ids({has_help(question) ? "help-" + question.id : std::string(), "err-" + question.id,
                     with_unit ? "unit-" + question.id : std::string()});
}

void write_question_label_text(HtmlWriter& w, const Question& question, Language language) {
    const AnswerKindIcon icon = answer_kind_icon(question.kind);
    write_answer_kind_icon(w, icon);
    w.text(question.label.in(language));
    write_required_mark(w, question.required, language);
    write_answer_kind_text(w, icon, language);
}

void write_question_help(HtmlWriter& w, const Question& question, Language language) {
    if (has_help(question)) w.element("p", {{"class", "help"}, {"id", "help-" + question.id}}, question.help.in(language));
}

void write_question_error(HtmlWriter& w, const Question& question, const std::string* error, Language language) {
    w.open("p", {{"class", "field-error"}, {"data-error", true}, {"id", "err-" + question.id}});
    if (error) {
        w.element("span", {{"class", "visually-hidden"}}, L(language, "Erreur\u00A0: ", "Error: "));
        w.text(*error);
    }
    w.close("p");
}

void write_save_status(HtmlWriter& w) {
    w.element("span", {{"class", "save-status"}, {"data-save-status", true}, {"aria-live", "polite"}}, "");
}

void open_question_group(HtmlWriter& w, const Question& question, const std::string* error, Language language,
                         const char* extra_class) {
    std::string css = std::string("question-group ") + extra_class;
    w.open("fieldset", {{"class", css}});
    w.open("legend", {{"class", "question-label"}});
    write_question_label_text(w, question, language);
    w.close("legend");
    write_question_help(w, question, language);
    write_question_error(w, question, error, language);
}

void close_question_group(HtmlWriter& w) {
    write_save_status(w);
    w.close("fieldset");
}

void open_question_row(HtmlWriter& w, const Question& question, const std::string* error, Language language,
                       const std::string& input_id) {
    w.open("label", {{"for", input_id}, {"class", "question-label"}});
    write_question_label_text(w, question, language);
    w.close("label");
    write_question_help(w, question, language);
    write_question_error(w, question, error, language);
    w.open("div", {{"class", "input-row"}});
}

void close_question_row(HtmlWriter& w) {
    write_save_status(w);
    w.close("div");
}

}  // namespace cyberachat::web::views
