#pragma once
// Full answer sets of the AFIB questionnaire for the benchmarks.
#include "core/answer_validation.hpp"
#include "core/engine.hpp"

namespace cyberachat {

// An answer for every question. Variant 0 takes the "oui" side of every decision (the most pages
// visible); variant v > 0 answers "non" to every (v+2)-th yes/no question (another vendor's response).
inline AnswerSet full_answer_set(const Questionnaire& questionnaire, unsigned variant = 0) {
    AnswerSet answers;
    unsigned yes_no = 0;
    for (const Question* question : questionnaire.questions()) {
        nlohmann::json value;
        switch (question->kind) {
            case QuestionKind::yes_no: value = variant && ++yes_no % (variant + 2) == 0 ? "non" : "oui"; break;
            case QuestionKind::number:
            case QuestionKind::integer: value = 4; break;
            case QuestionKind::date: value = "2024-01-31"; break;
            case QuestionKind::email: value = "referent@example.fr"; break;
            case QuestionKind::phone: value = "01 23 45 67 89"; break;
            case QuestionKind::single_choice:
            case QuestionKind::multiple_choice: value = question->choices.front().id; break;
            case QuestionKind::document: value = nlohmann::json::array({{{"id", 1}}}); break;
            case QuestionKind::table:
                value = nlohmann::json::array({{{question->fields.front().id, "x"}}});
                break;
            case QuestionKind::contact: value = {{"nom", "Martin"}, {"email", "m@example.fr"}}; break;
            default: value = "Réponse"; break;
        }
        auto normalized = normalize_answer(*question, value);
        answers[question->id] = Answer{normalized ? normalized.value() : value, ""};
    }
    return answers;
}

}  // namespace cyberachat
