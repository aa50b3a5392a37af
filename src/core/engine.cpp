#include "core/engine.hpp"

#include <charconv>

#include "core/document_answer.hpp"

namespace cyberachat {
namespace {

using json = nlohmann::json;

bool literal_matches(const json& value, const Condition& condition) {
    if (value.is_array()) {
        for (const auto& item : value)
            if (literal_matches(item, condition)) return true;
        return false;
    }
    if (value.is_number()) {
        double literal = 0;
        const std::string& text = condition.literal;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), literal);
        return ec == std::errc() && end == text.data() + text.size() && literal == value.get<double>();
    }
    if (value.is_boolean()) return (condition.literal == "oui") == value.get<bool>();
    if (value.is_string()) return value.get_ref<const std::string&>() == condition.literal;
    return false;
}

// Evaluates a condition; value_of(leaf) gives the answer a leaf sees (null: none).
template <typename ValueOf>
bool evaluate_condition(const Condition& condition, ValueOf&& value_of) {
    switch (condition.op) {
        case Condition::Op::answered: {
            // A document stated "not available" is not given: answered(document) is false then.
            const json* value = value_of(condition);
            return value && !is_unavailable_document(*value);
        }
        case Condition::Op::equals: {
            const json* value = value_of(condition);
            return value && literal_matches(*value, condition);
        }
        case Condition::Op::not_equals: {
            const json* value = value_of(condition);
            return !value || !literal_matches(*value, condition);
        }
        case Condition::Op::all_of:
            for (const auto& operand : condition.operands)
                if (!evaluate_condition(*operand, value_of)) return false;
            return true;
        case Condition::Op::any_of:
            for (const auto& operand : condition.operands)
                if (evaluate_condition(*operand, value_of)) return true;
            return false;
        case Condition::Op::negation: return !evaluate_condition(*condition.operands.front(), value_of);
    }
    return false;
}

class Evaluator {
public:
    Evaluator(const Questionnaire& questionnaire, const std::vector<const json*>& values)
        : questionnaire_(questionnaire),
          values_(values),
          section_state_(questionnaire.section_count(), kUnknown),
          question_state_(questionnaire.question_count(), kUnknown) {}

    bool question_visible(size_t index) {
        std::int8_t& state = question_state_[index];
        if (state == kUnknown) {
            state = kInProgress;
            const Question& question = *questionnaire_.questions()[index];
            bool visible = section_visible(question.section_index) && (!question.show_if || holds(*question.show_if));
            state = visible ? kYes : kNo;
        }
        return state == kYes;  // kInProgress (a cycle the loader would have rejected) reads as hidden
    }

    bool section_visible(size_t index) {
        std::int8_t& state = section_state_[index];
        if (state == kUnknown) {
            state = kInProgress;
            const Section& section = *questionnaire_.sections()[index];
            state = (!section.show_if || holds(*section.show_if)) ? kYes : kNo;
        }
        return state == kYes;
    }

    bool holds(const Condition& condition) {
        return evaluate_condition(condition, [this](const Condition& leaf) { return effective_value(leaf); });
    }

private:
    static constexpr std::int8_t kUnknown = -1, kInProgress = 2, kNo = 0, kYes = 1;

    // The answer a condition sees: none when the question is unanswered or hidden.
    const json* effective_value(const Condition& condition) {
        if (condition.question_index < 0) return nullptr;
        size_t index = static_cast<size_t>(condition.question_index);
        const json* value = values_[index];
        if (!value || !has_value(*value)) return nullptr;
        return question_visible(index) ? value : nullptr;
    }

    const Questionnaire& questionnaire_;
    const std::vector<const json*>& values_;
    std::vector<std::int8_t> section_state_;
    std::vector<std::int8_t> question_state_;
};

}  // namespace

std::vector<const json*> values_by_index(const Questionnaire& questionnaire, const AnswerSet& answers) {
    std::vector<const json*> values(questionnaire.question_count(), nullptr);
    if (answers.size() < questionnaire.question_count()) {
        for (const auto& [id, answer] : answers)
            if (const Question* question = questionnaire.find_question(id)) values[question->index] = &answer.value;
    } else {
        for (const Question* question : questionnaire.questions()) {
            auto it = answers.find(question->id);
            if (it != answers.end()) values[question->index] = &it->second.value;
        }
    }
    return values;
}

Evaluation evaluate(const Questionnaire& questionnaire, const AnswerSet& answers) {
    const auto values = values_by_index(questionnaire, answers);
    Evaluator evaluator(questionnaire, values);

    Evaluation result;
    result.sections.resize(questionnaire.section_count());
    result.question_visible.assign(questionnaire.question_count(), 0);
    result.question_answered.assign(questionnaire.question_count(), 0);
    result.parts.resize(questionnaire.parts.size());

    for (const Section* section : questionnaire.sections())
        result.sections[section->index].visible = evaluator.section_visible(section->index);

    for (const Question* question : questionnaire.questions()) {
        const size_t index = question->index;
        const bool visible = evaluator.question_visible(index);
        const bool answered = values[index] && has_value(*values[index]);
        result.question_visible[index] = visible;
        result.question_answered[index] = answered;
        if (!visible) {
            if (answered) result.hidden_answered.push_back(index);
            continue;
        }
        SectionState& section = result.sections[question->section_index];
        Progress& part = result.parts[question->part_index];
        ++section.visible_questions;
        ++part.visible;
        if (question->required) ++part.required_visible;
        if (answered) {
            ++section.answered_questions;
            ++part.answered;
            if (question->required) ++part.required_answered;
        } else if (question->required) {
            ++section.missing_required;
            result.missing_required.push_back(index);
        }
    }
    for (const Progress& part : result.parts) {
        result.overall.visible += part.visible;
        result.overall.answered += part.answered;
        result.overall.required_visible += part.required_visible;
        result.overall.required_answered += part.required_answered;
    }
    return result;
}

bool condition_holds(const Condition& condition, const Evaluation& evaluation, const std::vector<const json*>& values) {
    return evaluate_condition(condition, [&](const Condition& leaf) -> const json* {
        if (leaf.question_index < 0) return nullptr;
        size_t index = static_cast<size_t>(leaf.question_index);
        if (!evaluation.question_visible[index] || !values[index] || !has_value(*values[index])) return nullptr;
        return values[index];
    });
}

}  // namespace cyberachat
