// answer_text: an answer as one plain text in a language, as the PDF reports and the CSV write it.
#include "core/text_format.hpp"

#include <gtest/gtest.h>

#include "core/answer_validation.hpp"

namespace cyberachat {
namespace {

using json = nlohmann::json;

Question text_question_of(QuestionKind kind) {
    Question question;
    question.id = "t.q";
    question.kind = kind;
    question.label = {"Question", "Question"};
    question.choices = {{"hl7", {"HL7 (norme)", "HL7 (standard)"}}, {"dicom", {"DICOM", "DICOM"}}};
    return question;
}

TEST(AnswerText, EmptyValuesAndDocumentsGiveNoText) {
    for (QuestionKind kind : {QuestionKind::text, QuestionKind::yes_no, QuestionKind::table, QuestionKind::contact}) {
        EXPECT_EQ(answer_text(text_question_of(kind), json(), Language::fr), "");
        EXPECT_EQ(answer_text(text_question_of(kind), json(""), Language::fr), "");
    }
    EXPECT_EQ(answer_text(text_question_of(QuestionKind::document), json::array({3, 4}), Language::fr), "");
}

TEST(AnswerText, ScalarsInTheReadersFormat) {
    EXPECT_EQ(answer_text(text_question_of(QuestionKind::yes_no), "oui", Language::fr), "Oui");
    EXPECT_EQ(answer_text(text_question_of(QuestionKind::yes_no), "non", Language::en), "No");
    EXPECT_EQ(answer_text(text_question_of(QuestionKind::date), "2027-03-31", Language::fr), "31/03/2027");
    EXPECT_EQ(answer_text(text_question_of(QuestionKind::text), "Vivid E95", Language::en), "Vivid E95");

    Question number = text_question_of(QuestionKind::number);
    EXPECT_EQ(answer_text(number, 12.5, Language::fr), "12,5");
    EXPECT_EQ(answer_text(number, 12.5, Language::en), "12.5");
    number.unit = "Go";
    EXPECT_EQ(answer_text(number, 1234.5, Language::fr), "1\u202f234,5 Go");
    EXPECT_EQ(answer_text(number, 1234.5, Language::en), "1,234.5 Go");
    // A value of an unexpected type is written as it is rather than dropped.
    EXPECT_EQ(answer_text(text_question_of(QuestionKind::integer), "beaucoup", Language::fr), "beaucoup");
}

TEST(AnswerText, ChoicesByTheirLabels) {
    EXPECT_EQ(answer_text(text_question_of(QuestionKind::single_choice), "hl7", Language::fr), "HL7 (norme)");
    EXPECT_EQ(answer_text(text_question_of(QuestionKind::single_choice), "hl7", Language::en), "HL7 (standard)");
    EXPECT_EQ(answer_text(text_question_of(QuestionKind::single_choice), "fhir", Language::fr), "fhir");  // unknown id as is
    EXPECT_EQ(answer_text(text_question_of(QuestionKind::multiple_choice), json::array({"dicom", "hl7"}), Language::fr),
              "DICOM, HL7 (norme)");
}

TEST(AnswerText, TablesOneLinePerRow) {
    Question table = text_question_of(QuestionKind::table);
    table.fields = {{"nom", {"Nom", "Name"}, QuestionKind::text},
                    {"archive", {"Archivage", "Archiving"}, QuestionKind::yes_no},
                    {"taille", {"Taille", "Size"}, QuestionKind::number}};
    const json rows = json::array({{{"nom", "Windows"}, {"archive", "oui"}, {"taille", 2.5}}, {{"nom", "Linux"}}});
    EXPECT_EQ(answer_text(table, rows, Language::fr), "Nom : Windows ; Archivage : Oui ; Taille : 2,5\nNom : Linux");
    EXPECT_EQ(answer_text(table, rows, Language::en), "Name: Windows ; Archiving: Yes ; Size: 2.5\nName: Linux");
}

TEST(AnswerText, ContactsOneLinePerField) {
    const Question contact = text_question_of(QuestionKind::contact);  // the standard fields
    const json value = {{"email", "marie.dupont@chu.example"}, {"nom", "Dupont"}, {"prenom", ""}};
    const std::string& nom = standard_contact_fields()[0].label.fr;
    const std::string& email = standard_contact_fields()[5].label.fr;
    EXPECT_EQ(answer_text(contact, value, Language::fr), nom + " : Dupont\n" + email + " : marie.dupont@chu.example");
}

}  // namespace
}  // namespace cyberachat
