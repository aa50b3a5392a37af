#pragma once
// JSON views of the questionnaire and of an evaluation, as printed by `cyberachat template show
// --json` / `template eval` and served by the API.
#include <nlohmann/json.hpp>

#include "core/answer.hpp"
#include "core/engine.hpp"
#include "core/questionnaire.hpp"

namespace cyberachat {

nlohmann::json localized_json(const LocalizedText& text);
nlohmann::json question_json(const Question& question);
nlohmann::json questionnaire_json(const Questionnaire& questionnaire);

struct InvalidAnswer {
    std::string question_id;
    LocalizedText message;
};

// {part id: percent, …, overall: percent}
nlohmann::json progress_json(const Questionnaire& questionnaire, const Evaluation& evaluation);

// {visible_sections, visible_questions, hidden_answered, missing_required, invalid, progress}
nlohmann::json evaluation_json(const Questionnaire& questionnaire, const Evaluation& evaluation,
                               const std::vector<InvalidAnswer>& invalid);

// Normalizes raw answers {question_id: value}: valid values go to `answers`, the rest to `invalid`.
void normalize_answers(const Questionnaire& questionnaire, const nlohmann::json& raw, AnswerSet& answers,
                       std::vector<InvalidAnswer>& invalid);

}  // namespace cyberachat
