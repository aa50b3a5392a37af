#include "core/question_kind.hpp"

#include <array>
#include <utility>

namespace cyberachat {
namespace {

constexpr std::array<std::pair<std::string_view, QuestionKind>, 13> kKinds{{
    {"yes_no", QuestionKind::yes_no},
    {"text", QuestionKind::text},
    {"long_text", QuestionKind::long_text},
    {"number", QuestionKind::number},
    {"integer", QuestionKind::integer},
    {"date", QuestionKind::date},
    {"email", QuestionKind::email},
    {"phone", QuestionKind::phone},
    {"single_choice", QuestionKind::single_choice},
    {"multiple_choice", QuestionKind::multiple_choice},
    {"document", QuestionKind::document},
    {"table", QuestionKind::table},
    {"contact", QuestionKind::contact},
}};

}  // namespace

std::optional<QuestionKind> parse_question_kind(std::string_view name) {
    for (const auto& [kind_name, kind] : kKinds)
        if (kind_name == name) return kind;
    return std::nullopt;
}

std::string_view question_kind_name(QuestionKind kind) {
    for (const auto& [kind_name, k] : kKinds)
        if (k == kind) return kind_name;
    return "text";
}

std::string_view question_kind_list() {
    return "yes_no, text, long_text, number, integer, date, email, phone, single_choice, "
           "multiple_choice, document, table, contact";
}

bool is_numeric_kind(QuestionKind kind) { return kind == QuestionKind::number || kind == QuestionKind::integer; }

bool is_choice_kind(QuestionKind kind) {
    return kind == QuestionKind::single_choice || kind == QuestionKind::multiple_choice;
}

bool is_field_kind(QuestionKind kind) {
    switch (kind) {
        case QuestionKind::text:
        case QuestionKind::long_text:
        case QuestionKind::number:
        case QuestionKind::integer:
        case QuestionKind::yes_no:
        case QuestionKind::email:
        case QuestionKind::phone:
        case QuestionKind::date:
            return true;
        default:
            return false;
    }
}

}  // namespace cyberachat
