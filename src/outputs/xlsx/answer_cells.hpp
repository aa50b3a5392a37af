#pragma once
// Every answer kind in the workbook, in one place: the "Expected answer" words, what an answer
// cell holds (blank, number, date or text) and its data validation when writing, and the raw value
// an answer cell gives back when importing. The writer (questionnaire_workbook) and the import
// (import_plan) ask these instead of switching over kinds themselves.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/localized_text.hpp"
#include "core/questionnaire.hpp"
#include "outputs/xlsx/workbook_reader.hpp"

namespace cyberachat::xlsx {

// The kind as the workbook's "Expected answer" column names it (core/kind_traits).
std::string kind_label(QuestionKind kind, Language language);

// A table column or a contact field as a question of its kind named `id` (the row id): the
// functions below take questions.
Question field_as_question(const Field& field, const std::string& id);

// What an answer cell holds for a canonical value.
struct AnswerCell {
    enum class Type { blank, number, date, text };
    Type type = Type::blank;
    bool date_format = false;  // formatted as a date (a blank date cell too)
    double number = 0;
    int year = 0, month = 0, day = 0;
    std::string text;
};
AnswerCell answer_cell(const Question& question, const nlohmann::json& value, Language language);

// The cell text for a canonical answer value: "Oui"/"Yes", choice labels ("; " between several),
// numbers as written, dates DD/MM/YYYY. Used for values that are not written as numbers or dates.
std::string answer_cell_text(const Question& question, const nlohmann::json& value, Language language);

// The data validation of an answer cell (`key`: the row id, naming the cell's list of choices).
struct CellValidation {
    enum class Type { none, list, integer, decimal, date };
    Type type = Type::none;
    std::string list_key;            // list: the shared list of labels ("yes_no", or the row id)
    std::vector<std::string> labels; // list: the labels offered
    bool reject_others = true;       // list: false when several values may be typed (";"-separated)
    double minimum = 0, maximum = 0; // integer, decimal
    std::string message;             // the input and warning message
};
CellValidation answer_cell_validation(const Question& question, const std::string& key, Language language);

// What the answer cells of a question that does not apply hold in a filled workbook (its branch is
// not taken given the saved answers): "Sans objet" / "Does not apply" ("Not applicable" is a choice
// label of the AFIB questionnaire, so it would be read back as that choice).
const char* not_applicable_text(Language language);
// Whether a cell holds those words (either language, capitals and surrounding spaces ignored) for a question
// that offers no choice of that name: the import reads such a cell as empty.
bool holds_not_applicable(const Question& question, const CellValue& cell);

// The raw value of an answer cell for a question (or a field's shape), as normalize_answer takes
// it: booleans, numbers and dates as the cell holds them, choice labels typed with other capitals
// or spaces as the choice ids; the text as is otherwise; null for an empty cell and for
// "Sans objet" (holds_not_applicable).
nlohmann::json raw_answer(const Question& question, const CellValue& cell);

}  // namespace cyberachat::xlsx
