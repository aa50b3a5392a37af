#pragma once
#include <optional>
#include <string_view>

namespace cyberachat {

enum class QuestionKind {
    yes_no,
    text,
    long_text,
    number,
    integer,
    date,
    email,
    phone,
    single_choice,
    multiple_choice,
    document,
    table,
    contact,
};

std::optional<QuestionKind> parse_question_kind(std::string_view name);
std::string_view question_kind_name(QuestionKind kind);
// "yes_no, text, long_text, …" for error messages.
std::string_view question_kind_list();

bool is_numeric_kind(QuestionKind kind);
bool is_choice_kind(QuestionKind kind);
// Kinds allowed for a column of a table or a sub-field of a contact block.
bool is_field_kind(QuestionKind kind);

}  // namespace cyberachat
