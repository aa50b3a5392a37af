#pragma once
// Comparing the responses of several vendors to one questionnaire, question by question: each
// row is a question visible for at least one vendor, with each vendor's value, comment and
// outcome, and whether the vendors differ or any answer is a point de vigilance. Pure: no
// formatting.
#include <string>
#include <vector>

#include "core/answer.hpp"
#include "core/engine.hpp"
#include "core/questionnaire.hpp"
#include "core/scoring.hpp"

namespace cyberachat {

struct ComparedResponse {
    const AnswerSet* answers = nullptr;
    const Evaluation* evaluation = nullptr;
    const ScoreCard* card = nullptr;
};

struct ComparisonCell {
    bool visible = false;                    // the question applies to this vendor
    const nlohmann::json* value = nullptr;   // null: no answer (or not visible)
    const std::string* comment = nullptr;    // the vendor's comment on it; null: none (or not visible)
    Outcome outcome = Outcome::not_scored;
};

struct ComparisonRow {
    const Question* question = nullptr;
    std::vector<ComparisonCell> cells;  // one per response, in the order given
    bool differs = false;    // not every vendor gave the same answer (documents: given or not)
    bool vigilance = false;  // at least one answer is unfavourable
};

struct ComparisonFilter {
    bool only_differences = false;
    bool only_vigilance = false;
    std::string part_id;  // empty: every part
    bool keeps(const ComparisonRow& row, const Questionnaire& questionnaire) const;
};

// Rows in questionnaire order, for the questions visible for at least one response.
std::vector<ComparisonRow> compare_responses(const Questionnaire& questionnaire,
                                             const std::vector<ComparedResponse>& responses);

// Response indexes by overall score, best first (ties: the order given).
std::vector<size_t> ranking(const std::vector<ComparedResponse>& responses);

}  // namespace cyberachat
