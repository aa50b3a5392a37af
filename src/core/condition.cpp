#include "core/condition.hpp"

namespace cyberachat {

void Condition::collect_question_ids(std::vector<const Condition*>& out) const {
    if (op == Op::equals || op == Op::not_equals || op == Op::answered) {
        out.push_back(this);
        return;
    }
    for (const auto& operand : operands) operand->collect_question_ids(out);
}

}  // namespace cyberachat
