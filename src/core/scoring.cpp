#include "core/scoring.hpp"

#include "core/document_answer.hpp"

#include <algorithm>
#include <cmath>

namespace cyberachat {

using json = nlohmann::json;

namespace {

constexpr const char* kNotApplicable = "non_applicable";

bool is_not_applicable(const json& value) { return value.is_string() && value.get_ref<const std::string&>() == kNotApplicable; }

bool matches_one_of(const json& value, const std::vector<std::string>& favourable) {
    if (value.is_array()) {
        for (const auto& item : value)
            if (matches_one_of(item, favourable)) return true;
        return false;
    }
    if (!value.is_string()) return false;
    const auto& text = value.get_ref<const std::string&>();
    return std::find(favourable.begin(), favourable.end(), text) != favourable.end();
}

}  // namespace

int PartScore::score() const {
    if (counted_weight <= 0) return 100;
    return static_cast<int>(std::lround(100.0 * favourable_weight / counted_weight));
}

ScoreCard score(const Questionnaire& questionnaire, const ScoringGrid& grid, const AnswerSet& answers,
                const Evaluation& evaluation, const WeightOverrides* overrides) {
    ScoreCard card;
    card.parts.resize(questionnaire.parts.size());
    card.outcomes.assign(questionnaire.question_count(), Outcome::not_scored);
    const auto values = values_by_index(questionnaire, answers);

    for (const GridRule& rule : grid.rules) {
        const size_t index = rule.question_index;
        if (index >= questionnaire.question_count()) continue;
        const Question& question = *questionnaire.questions()[index];
        Outcome& outcome = card.outcomes[index];
        outcome = Outcome::not_counted;
        if (!evaluation.question_visible[index]) continue;
        double weight = rule.weight;
        if (overrides) {
            if (auto it = overrides->find(rule.question_id); it != overrides->end()) weight = it->second;
        }
        if (weight <= 0) continue;
        const json* value = values[index];
        const bool answered = value && has_value(*value);
        if (answered && is_not_applicable(*value)) continue;
        if (!answered && !question.required) continue;

        bool favourable = false;
        if (answered) {
            switch (rule.test) {
                case RuleTest::answered: favourable = !is_unavailable_document(*value); break;
                case RuleTest::favourable_values: favourable = matches_one_of(*value, rule.favourable); break;
                case RuleTest::favourable_if: favourable = condition_holds(*rule.condition, evaluation, values); break;
                case RuleTest::unfavourable_if: favourable = !condition_holds(*rule.condition, evaluation, values); break;
            }
        }
        PartScore& part = card.parts[question.part_index];
        part.counted_weight += weight;
        ++part.counted;
        if (favourable) {
            part.favourable_weight += weight;
            outcome = Outcome::favourable;
            continue;
        }
        ++part.unfavourable;
        outcome = Outcome::unfavourable;
        card.findings.push_back(Finding{index, rule.question_id, rule.severity, answered ? *value : json(), !answered,
                                        weight, &rule});
    }
    for (const PartScore& part : card.parts) {
        card.overall.counted_weight += part.counted_weight;
        card.overall.favourable_weight += part.favourable_weight;
        card.overall.counted += part.counted;
        card.overall.unfavourable += part.unfavourable;
    }
    std::stable_sort(card.findings.begin(), card.findings.end(), [](const Finding& a, const Finding& b) {
        if (a.severity != b.severity) return a.severity > b.severity;
        return a.question_index < b.question_index;
    });
    return card;
}

}  // namespace cyberachat
