// core/text_format: dates, Paris times, numbers, sizes, Oui/Non and whole answers as plain text.
#include "core/text_format.hpp"

#include <gtest/gtest.h>

using namespace cyberachat;
using json = nlohmann::json;

namespace {

// Only the kind matters to the formats (and the choices, fields and unit set by each test).
Question text_format_question(QuestionKind kind) {
    Question q;
    q.kind = kind;
    return q;
}

}  // namespace

TEST(TextFormat, DatesNumbersSizes) {
    EXPECT_EQ(format_date("2027-03-31", Language::fr), "31/03/2027");
    EXPECT_EQ(format_date("2027-03-31", Language::en), "31 March 2027");
    EXPECT_EQ(format_date("bogus", Language::fr), "bogus");
    EXPECT_EQ(format_datetime("2026-11-29T10:15:00Z", Language::fr), "29/11/2026 à 11\u00A0h\u00A015");
    EXPECT_EQ(format_datetime("2026-07-01T23:30:00Z", Language::fr), "02/07/2026 à 1\u00A0h\u00A030");
    EXPECT_EQ(format_datetime("2026-03-29T00:59:00Z", Language::en), "29 March 2026, 01:59");  // before the change
    EXPECT_EQ(format_datetime("2026-03-29T01:00:00Z", Language::en), "29 March 2026, 03:00");  // after
    EXPECT_EQ(format_number(2.5, Language::fr), "2,5");
    EXPECT_EQ(format_number(1234567.25, Language::fr), "1\u202F234\u202F567,25");
    EXPECT_EQ(format_number(1234567.25, Language::en), "1,234,567.25");
    EXPECT_EQ(format_number(-12, Language::fr), "-12");
    EXPECT_EQ(format_number_input(1234.5, Language::fr), "1234,5");
    EXPECT_EQ(format_size(512, Language::fr), "512\u00A0octets");
    EXPECT_EQ(format_size(1536, Language::fr), "1,5\u00A0Ko");
    EXPECT_EQ(format_size(5 * 1024 * 1024, Language::en), "5 MB");
}

TEST(TextFormat, LabelsAndInputs) {
    EXPECT_EQ(yes_no_label("oui", Language::fr), "Oui");
    EXPECT_EQ(yes_no_label("non", Language::en), "No");
    EXPECT_EQ(yes_no_label("peut-être", Language::fr), "peut-être");
    const char* stored = "non";  // as the views pass it
    EXPECT_EQ(yes_no_label(stored, Language::fr), "Non");
    EXPECT_EQ(abridged_sha256("0123456789abcdef"), "0123456789ab…");
    EXPECT_EQ(abridged_sha256("abc"), "abc");
    EXPECT_EQ(json_value_text(json("texte")), "texte");
    EXPECT_EQ(json_value_text(json()), "");
    EXPECT_EQ(json_value_text(json::array({1, 2})), "[1,2]");
    EXPECT_EQ(input_value(QuestionKind::number, json(1234.5), Language::fr), "1234,5");
    EXPECT_EQ(input_value(QuestionKind::integer, json(12), Language::en), "12");
    EXPECT_EQ(input_value(QuestionKind::text, json("12"), Language::fr), "12");
    EXPECT_EQ(input_value(QuestionKind::text, json(), Language::fr), "");
}

TEST(TextFormat, ResponseStatus) {
    VendorResponse response;
    EXPECT_EQ(response_status_label(response, Language::fr), "Brouillon");
    response.status = ResponseStatus::submitted;
    EXPECT_EQ(response_status_label(response, Language::en), "Submitted");
    response.submitted_at = "2026-11-29T10:15:00Z";
    EXPECT_EQ(response_status_label(response, Language::fr), "Soumis le 29/11/2026 à 11\u00A0h\u00A015");
}

TEST(TextFormat, ScalarAnswers) {
    Question amount = text_format_question(QuestionKind::number);
    amount.unit = "Go";
    EXPECT_EQ(answer_text(amount, json(1234.5), Language::fr), "1\u202F234,5 Go");
    EXPECT_EQ(answer_text(text_format_question(QuestionKind::yes_no), json("oui"), Language::en), "Yes");
    EXPECT_EQ(answer_text(text_format_question(QuestionKind::date), json("2027-03-31"), Language::fr), "31/03/2027");
    EXPECT_EQ(answer_text(text_format_question(QuestionKind::text), json("Libre"), Language::fr), "Libre");
    EXPECT_EQ(answer_text(text_format_question(QuestionKind::text), json(), Language::fr), "");
    EXPECT_EQ(answer_text(text_format_question(QuestionKind::document), json::array({1}), Language::fr), "");
    EXPECT_EQ(scalar_text(QuestionKind::integer, json(1000), Language::en), "1,000");
}

TEST(TextFormat, ChoicesTablesContacts) {
    Question choice = text_format_question(QuestionKind::multiple_choice);
    choice.choices = {{"hl7", {"HL7 (norme)", "HL7 (standard)"}}, {"dicom", {"DICOM", "DICOM"}}};
    EXPECT_EQ(answer_text(choice, json::array({"hl7", "dicom", "x"}), Language::en), "HL7 (standard), DICOM, x");
    choice.kind = QuestionKind::single_choice;
    EXPECT_EQ(answer_text(choice, json("hl7"), Language::fr), "HL7 (norme)");

    Question table = text_format_question(QuestionKind::table);
    table.fields = {{"os", {"Système", "System"}, QuestionKind::text}, {"n", {"Nombre", "Count"}, QuestionKind::integer}};
    const json rows = json::array({{{"os", "Linux"}, {"n", 1200}}, {{"n", 3}}});
    EXPECT_EQ(answer_text(table, rows, Language::fr), "Système : Linux ; Nombre : 1\u202F200\nNombre : 3");
    EXPECT_EQ(answer_text(table, rows, Language::en), "System: Linux ; Count: 1,200\nCount: 3");

    Question contact = text_format_question(QuestionKind::contact);  // no fields: the standard ones
    EXPECT_EQ(answer_text(contact, json{{"nom", "Martin"}, {"email", "a@b.fr"}}, Language::fr),
              "Nom : Martin\nEmail : a@b.fr");
}

namespace cyberachat {
namespace {

TEST(CountWithNoun, FrenchSingularUpToOneEnglishForOneOnlyNeverParentheses) {
    EXPECT_EQ(count_with_noun(0, "réponse", "réponses", Language::fr), "0 réponse");
    EXPECT_EQ(count_with_noun(1, "réponse", "réponses", Language::fr), "1 réponse");
    EXPECT_EQ(count_with_noun(2, "réponse", "réponses", Language::fr), "2 réponses");
    EXPECT_EQ(count_with_noun(0, "answer", "answers", Language::en), "0 answers");
    EXPECT_EQ(count_with_noun(1, "answer", "answers", Language::en), "1 answer");
    EXPECT_EQ(count_with_noun(12, "answer", "answers", Language::en), "12 answers");
}

}  // namespace
}  // namespace cyberachat
