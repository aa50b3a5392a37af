#pragma once
// The benchmarks' answer set: an answer for every question of a questionnaire.
#include "core/answer.hpp"
#include "core/answer_validation.hpp"
#include "core/questionnaire.hpp"

namespace cyberachat {

// An answer for every question, taking the "oui" side of every decision (the most pages visible).
inline AnswerSet full_answer_set(const Questionnaire& questionnaire) {
    AnswerSet answers;
    for (const Question* question : questionnaire.questions()) {
        nlohmann::json value;
        switch (question->kind) {
            case QuestionKind::yes_no: value = "oui"; break;
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
