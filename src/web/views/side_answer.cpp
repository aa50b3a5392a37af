#include "web/views/side_answer.hpp"

#include "web/views/answer_format.hpp"

namespace cyberachat::web::views {

void write_side_answer(html::HtmlWriter& w, const Question* question, const AnswerSide& side) {
    if (!question) {
        w.element("span", {{"class", "muted absent-question"}}, "Question absente de cette version du questionnaire");
        return;
    }
    const auto& value = side.value(question->id);
    if (question->kind == QuestionKind::document)
        return write_document_answer(w, value, side.files(question->id), Language::fr, "/documents/", false);
    write_answer_value(w, *question, value, Language::fr);
    if (const auto* files = side.files(question->id)) write_documents(w, *files, Language::fr, "/documents/", false);
}

}  // namespace cyberachat::web::views
