#pragma once
// One response's answer to one question, written for reading where two responses are put side by
// side (the vendor's history, the comparison of two responses): its value (answer_format), or its
// documents by name with their abridged SHA-256; "Question absente de cette version du
// questionnaire" when the response's questionnaire does not have it.
#include "core/answer_changes.hpp"
#include "web/html/html_writer.hpp"

namespace cyberachat::web::views {

// `question`: the question in the side's questionnaire, nullptr when it has none such.
void write_side_answer(html::HtmlWriter& w, const Question* question, const AnswerSide& side);

}  // namespace cyberachat::web::views
