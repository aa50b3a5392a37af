#pragma once
// A parsed show_if condition: a small expression tree over other answers.
#include <memory>
#include <string>
#include <vector>

namespace cyberachat {

struct Condition {
    enum class Op { equals, not_equals, answered, all_of, any_of, negation };

    Op op = Op::answered;
    std::string question_id;          // equals / not_equals / answered
    std::string literal;              // equals / not_equals: the compared value, as written
    bool literal_is_number = false;   // the literal was written as a number
    size_t column = 0;                // 0-based offset of question_id in the source text
    int question_index = -1;          // bound by the loader: ordinal of question_id in the questionnaire
    std::vector<std::unique_ptr<Condition>> operands;  // all_of / any_of / negation

    // Every question id the condition mentions, in order of appearance (with repeats).
    void collect_question_ids(std::vector<const Condition*>& out) const;
};

using ConditionPtr = std::unique_ptr<Condition>;

}  // namespace cyberachat
