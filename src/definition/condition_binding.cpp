#include "definition/condition_binding.hpp"

#include "core/kind_traits.hpp"

namespace cyberachat {
namespace {

// The mistake in comparing `leaf` with `target`'s answers, or "" when the comparison is sound.
std::string literal_problem(const Condition& leaf, const Question& target) {
    const std::string& value = leaf.literal;
    switch (kind_traits(target.kind).shape) {
        case ValueShape::yes_no:
            if (value == "oui" || value == "non") return {};
            return "la condition compare la question oui/non « " + target.id + " » avec « " + value +
                   " » ; utilisez oui ou non";
        case ValueShape::choice:
        case ValueShape::choices:
            for (const auto& choice : target.choices)
                if (choice.id == value) return {};
            return "la condition compare « " + target.id + " » avec « " + value + " », qui n'est pas l'un de ses choix";
        case ValueShape::number:
            if (leaf.literal_is_number) return {};
            return "la condition compare la question numérique « " + target.id + " » avec « " + value +
                   " », qui n'est pas un nombre";
        case ValueShape::documents:
        case ValueShape::rows:
        case ValueShape::record:
            return "la question « " + target.id + " » (" + std::string(question_kind_name(target.kind)) +
                   ") ne se compare pas à une valeur ; utilisez answered(" + target.id + ")";
        case ValueShape::text:
        case ValueShape::date: return {};
    }
    return {};
}

}  // namespace

std::vector<std::string> bind_condition(Condition& condition, const Questionnaire& questionnaire) {
    std::vector<std::string> problems;
    std::vector<const Condition*> leaves;
    condition.collect_question_ids(leaves);
    for (const Condition* leaf : leaves) {
        auto* mutable_leaf = const_cast<Condition*>(leaf);
        const Question* target = questionnaire.find_question(leaf->question_id);
        if (!target) {
            std::string hint = questionnaire.find_section(leaf->question_id) || questionnaire.find_part(leaf->question_id)
                                   ? " (c'est une section ou une partie, pas une question)"
                                   : "";
            problems.push_back("la condition cite la question inconnue « " + leaf->question_id + " »" + hint);
            continue;
        }
        mutable_leaf->question_index = static_cast<int>(target->index);
        if (leaf->op == Condition::Op::answered) continue;
        if (std::string problem = literal_problem(*leaf, *target); !problem.empty()) problems.push_back(problem);
    }
    return problems;
}

}  // namespace cyberachat
