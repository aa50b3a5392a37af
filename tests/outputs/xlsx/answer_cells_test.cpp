// outputs/xlsx/answer_cells: what each answer kind puts in its cell, the cell's validation, and
// the value an imported cell gives back.
#include "outputs/xlsx/answer_cells.hpp"

#include <gtest/gtest.h>

using namespace cyberachat;
using namespace cyberachat::xlsx;
using json = nlohmann::json;

namespace {

CellValue cell_of(std::variant<std::monostate, std::string, double, bool> value) { return CellValue{std::move(value)}; }

// A question of `kind`; choice kinds offer HL7 and DICOM.
Question cell_question(QuestionKind kind) {
    Question q;
    q.kind = kind;
    if (is_choice_kind(kind)) q.choices = {{"hl7", {"HL7 (norme)", "HL7 (standard)"}}, {"dicom", {"DICOM", "DICOM"}}};
    return q;
}

}  // namespace

TEST(AnswerCells, KindLabelsComeFromTheKindTable) {
    EXPECT_EQ(kind_label(QuestionKind::yes_no, Language::fr), "Oui / Non");
    EXPECT_EQ(kind_label(QuestionKind::date, Language::en), "Date (DD/MM/YYYY)");
}

TEST(AnswerCells, NumbersAndDatesAreWrittenAsSuchOtherValuesAsText) {
    const AnswerCell number = answer_cell(cell_question(QuestionKind::number), json(12.5), Language::fr);
    EXPECT_EQ(number.type, AnswerCell::Type::number);
    EXPECT_EQ(number.number, 12.5);
    const AnswerCell date = answer_cell(cell_question(QuestionKind::date), json("2026-03-01"), Language::fr);
    EXPECT_EQ(date.type, AnswerCell::Type::date);
    EXPECT_EQ(date.year * 10000 + date.month * 100 + date.day, 20260301);
    const AnswerCell blank_date = answer_cell(cell_question(QuestionKind::date), json(), Language::fr);
    EXPECT_EQ(blank_date.type, AnswerCell::Type::blank);
    EXPECT_TRUE(blank_date.date_format);
    const AnswerCell choices =
        answer_cell(cell_question(QuestionKind::multiple_choice), json::array({"hl7", "dicom"}), Language::en);
    EXPECT_EQ(choices.type, AnswerCell::Type::text);
    EXPECT_EQ(choices.text, "HL7 (standard); DICOM");
    EXPECT_EQ(answer_cell_text(cell_question(QuestionKind::yes_no), json("non"), Language::fr), "Non");
}

TEST(AnswerCells, ValidationPerShape) {
    const CellValidation yes_no = answer_cell_validation(cell_question(QuestionKind::yes_no), "q", Language::en);
    EXPECT_EQ(yes_no.type, CellValidation::Type::list);
    EXPECT_EQ(yes_no.list_key, "yes_no");
    EXPECT_EQ(yes_no.labels, (std::vector<std::string>{"Yes", "No"}));
    const CellValidation several = answer_cell_validation(cell_question(QuestionKind::multiple_choice), "q", Language::fr);
    EXPECT_EQ(several.list_key, "q");
    EXPECT_FALSE(several.reject_others);
    Question bounded = cell_question(QuestionKind::integer);
    bounded.min = 1;
    bounded.max = 10;
    const CellValidation integer = answer_cell_validation(bounded, "q", Language::fr);
    EXPECT_EQ(integer.type, CellValidation::Type::integer);
    EXPECT_EQ(integer.message, "Saisissez un nombre entier. Entre 1 et 10.");
    EXPECT_EQ(answer_cell_validation(cell_question(QuestionKind::text), "q", Language::fr).type, CellValidation::Type::none);
}

TEST(AnswerCells, ImportedCellsGiveRawAnswers) {
    EXPECT_EQ(raw_answer(cell_question(QuestionKind::yes_no), cell_of(true)), json(true));
    EXPECT_EQ(raw_answer(cell_question(QuestionKind::single_choice), cell_of(std::string(" hl7 (STANDARD) "))), json("hl7"));
    EXPECT_EQ(raw_answer(cell_question(QuestionKind::multiple_choice), cell_of(std::string("DICOM; autre"))),
              json::array({"dicom", "autre"}));
    EXPECT_EQ(raw_answer(cell_question(QuestionKind::date), cell_of(std::string("2026-03-01T00:00:00Z"))), json("2026-03-01"));
    EXPECT_TRUE(raw_answer(cell_question(QuestionKind::text), cell_of(std::monostate{})).is_null());
}
