#pragma once
// Scoring a response against a grid: a score per part and overall (0–100) and the "points de
// vigilance" (each unfavourable answer with its severity). Pure and fast: it reads the answers
// and the branching evaluation computed by evaluate() (engine.hpp) and nothing else.
//
// Rules (docs/scoring-grid.md):
//   - a question hidden by branching does not count; nor does the answer "non_applicable";
//   - an unanswered visible question counts as unfavourable when it is required, not at all otherwise;
//   - a part's score is the weight of its favourable answers over the weight of its counted ones,
//     ×100, rounded to the nearest integer; a part where nothing counts scores 100; overall is the
//     same over all counted answers (not the mean of the parts);
//   - findings are sorted by severity (critical first), then in questionnaire order.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/answer.hpp"
#include "core/engine.hpp"
#include "core/questionnaire.hpp"
#include "core/scoring_grid.hpp"

namespace cyberachat {

enum class Outcome : std::uint8_t {
    not_scored,    // the grid has no rule for this question
    not_counted,   // hidden, "non applicable", optional and unanswered, or weight 0
    favourable,
    unfavourable,
};

struct Finding {
    size_t question_index = 0;
    std::string question_id;
    Severity severity = Severity::minor;
    nlohmann::json answer;   // the canonical value (null when unanswered)
    bool unanswered = false;
    double weight = 0;
    const GridRule* rule = nullptr;  // points into the grid
};

struct PartScore {
    double counted_weight = 0;
    double favourable_weight = 0;
    size_t counted = 0;     // answers counted
    size_t unfavourable = 0;
    int score() const;      // 0–100
};

struct ScoreCard {
    std::vector<PartScore> parts;     // by part index
    PartScore overall;
    std::vector<Outcome> outcomes;    // by question index
    std::vector<Finding> findings;    // unfavourable answers, most severe first

    Outcome outcome(const Question& question) const { return outcomes[question.index]; }
};

ScoreCard score(const Questionnaire& questionnaire, const ScoringGrid& grid, const AnswerSet& answers,
                const Evaluation& evaluation, const WeightOverrides* overrides = nullptr);

}  // namespace cyberachat
