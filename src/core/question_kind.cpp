#include "core/question_kind.hpp"

#include <string>

#include "core/kind_traits.hpp"

namespace cyberachat {

std::optional<QuestionKind> parse_question_kind(std::string_view name) {
    for (const auto& traits : all_kind_traits())
        if (traits.name == name) return traits.kind;
    return std::nullopt;
}

std::string_view question_kind_name(QuestionKind kind) { return kind_traits(kind).name; }

std::string_view question_kind_list() {
    static const std::string list = [] {
        std::string out;
        for (const auto& traits : all_kind_traits()) out += (out.empty() ? "" : ", ") + std::string(traits.name);
        return out;
    }();
    return list;
}

bool is_numeric_kind(QuestionKind kind) { return kind_traits(kind).shape == ValueShape::number; }

bool is_choice_kind(QuestionKind kind) {
    const ValueShape shape = kind_traits(kind).shape;
    return shape == ValueShape::choice || shape == ValueShape::choices;
}

bool is_field_kind(QuestionKind kind) { return kind_traits(kind).field; }

}  // namespace cyberachat
