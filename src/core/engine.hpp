#pragma once
// The branching engine: for a questionnaire and a set of answers, which sections and questions
// apply, which required answers are missing, and progress per part and overall.
// Answers are expected in canonical form (see answer_validation.hpp). Answers to hidden
// questions are never dropped: they are reported as hidden and ignored by conditions and progress.
#include <cstdint>
#include <string>
#include <vector>

#include "core/answer.hpp"
#include "core/questionnaire.hpp"

namespace cyberachat {

// How far a response is: the percentage counts the visible *required* questions, so that 100 %
// means "nothing required is missing" (then the response can be submitted); the optional ones
// are counted apart.
struct Progress {
    size_t visible = 0;            // visible questions
    size_t answered = 0;           // of which answered
    size_t required_visible = 0;   // visible required questions
    size_t required_answered = 0;  // of which answered
    // 0–100 of the required ones, rounded down (99 until the last one); 100 when none is required.
    int percent() const {
        return required_visible == 0 ? 100 : static_cast<int>(required_answered * 100 / required_visible);
    }
    size_t optional_visible() const { return visible - required_visible; }
    size_t optional_answered() const { return answered - required_answered; }
};

struct SectionState {
    bool visible = false;
    size_t visible_questions = 0;
    size_t answered_questions = 0;
    size_t missing_required = 0;
    bool complete() const { return visible && missing_required == 0; }
};

class Evaluation {
public:
    std::vector<SectionState> sections;    // by section index
    std::vector<std::uint8_t> question_visible;   // by question index
    std::vector<std::uint8_t> question_answered;  // has a value, visible or not
    std::vector<size_t> missing_required;  // question indexes, questionnaire order
    std::vector<size_t> hidden_answered;   // question indexes, questionnaire order
    std::vector<Progress> parts;           // by part index
    Progress overall;

    bool is_visible(const Question& question) const { return question_visible[question.index] != 0; }
    bool is_visible(const Section& section) const { return sections[section.index].visible; }
    bool is_complete() const { return missing_required.empty(); }
};

Evaluation evaluate(const Questionnaire& questionnaire, const AnswerSet& answers);

// Evaluates one condition against answers, with the visibility computed by `evaluation`
// (used by outputs that explain a branch, e.g. flowcharts).
bool condition_holds(const Condition& condition, const Evaluation& evaluation,
                     const std::vector<const nlohmann::json*>& values);

// Values by question index (null pointer: no answer), for condition_holds.
std::vector<const nlohmann::json*> values_by_index(const Questionnaire& questionnaire, const AnswerSet& answers);

}  // namespace cyberachat
