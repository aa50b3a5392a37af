// The blank questionnaire workbook of the AFIB questionnaire, read back with our own reader:
// metadata, one sheet per part, every question id, the instructions.
#include "outputs/xlsx/questionnaire_workbook.hpp"

#include <gtest/gtest.h>

#include <set>

#include "definition/builtin_questionnaire.hpp"
#include "outputs/xlsx/workbook_layout.hpp"
#include "outputs/xlsx/workbook_reader.hpp"

using namespace cyberachat;
using namespace cyberachat::xlsx;

TEST(QuestionnaireWorkbook, BlankWorkbookHasEveryQuestionAndItsMetadata) {
    auto questionnaire = builtin_afib();
    for (Language language : {Language::fr, Language::en}) {
        auto bytes = write_questionnaire_workbook(*questionnaire, language);
        ASSERT_TRUE(bytes.ok()) << bytes.error().message.fr;
        auto workbook = read_workbook(*bytes);
        ASSERT_TRUE(workbook.ok()) << workbook.error().message.fr;

        const SheetData* meta = workbook->find_sheet(kMetaSheet);
        ASSERT_NE(meta, nullptr);
        EXPECT_TRUE(meta->hidden);
        EXPECT_EQ(meta->cell(1, 1)->as_text(), questionnaire->id);
        EXPECT_EQ(meta->cell(2, 1)->as_text(), questionnaire->version);
        EXPECT_EQ(meta->cell(3, 1)->as_text(), language_code(language));

        // Instructions first, then one sheet per part, then the metadata.
        ASSERT_EQ(workbook->sheets.size(), questionnaire->parts.size() + 2);
        const SheetData& instructions = workbook->sheets.front();
        std::string all_text;
        for (const auto& [row, cells] : instructions.rows)
            for (const auto& [column, cell] : cells) all_text += cell.as_text() + "\n";
        EXPECT_NE(all_text.find(questionnaire->find_content("how_to")->title.in(language)), std::string::npos);
        EXPECT_NE(all_text.find(questionnaire->find_content("when_to_use")->title.in(language)), std::string::npos);

        std::set<std::string> ids;
        for (size_t i = 1; i + 1 < workbook->sheets.size(); ++i) {
            const SheetData& sheet = workbook->sheets[i];
            EXPECT_EQ(sheet.cell(0, kColId)->as_text(), "ID");
            EXPECT_EQ(sheet.cell(0, kColAnswer)->as_text(), column_header(kColAnswer, language));
            for (const auto& [row, cells] : sheet.rows)
                if (auto it = cells.find(kColId); it != cells.end() && row > 0) ids.insert(it->second.as_text());
        }
        for (const Question* question : questionnaire->questions()) EXPECT_TRUE(ids.count(question->id)) << question->id;
    }
}

TEST(QuestionnaireWorkbook, ConditionalQuestionsSayWhenTheyApply) {
    auto questionnaire = builtin_afib();
    auto bytes = write_questionnaire_workbook(*questionnaire, Language::fr);
    ASSERT_TRUE(bytes.ok());
    auto workbook = read_workbook(*bytes);
    ASSERT_TRUE(workbook.ok());
    bool found = false;
    for (const auto& sheet : workbook->sheets)
        for (const auto& [row, cells] : sheet.rows) {
            auto id = cells.find(kColId), condition = cells.find(kColCondition);
            if (id != cells.end() && id->second.as_text() == "dispositif.ecran_taille") {
                ASSERT_NE(condition, cells.end());
                EXPECT_EQ(condition->second.as_text().rfind("À remplir si « ", 0), 0u) << condition->second.as_text();
                EXPECT_NE(condition->second.as_text().find("» = Oui"), std::string::npos);
                found = true;
            }
        }
    EXPECT_TRUE(found);
}

TEST(QuestionnaireWorkbook, LayoutHelpers) {
    auto questionnaire = builtin_afib();
    EXPECT_EQ(sheet_name("Partie: 1/2 [x]", {}), "Partie- 1-2 -x-");
    EXPECT_EQ(sheet_name("Dispositif", {"Dispositif"}), "Dispositif 2");
    EXPECT_LE(sheet_name(std::string(40, 'e') + "é", {}).size(), 31u);
    auto table = parse_row_key(*questionnaire, "serveurs.liste_logiciels_installes[2].nom");
    ASSERT_TRUE(table);
    EXPECT_EQ(table->question_id, "serveurs.liste_logiciels_installes");
    EXPECT_EQ(table->table_row, 2);
    EXPECT_EQ(table->field_id, "nom");
    EXPECT_FALSE(parse_row_key(*questionnaire, "serveurs.liste_logiciels_installes[0].nom"));
    EXPECT_FALSE(parse_row_key(*questionnaire, "serveurs.liste_logiciels_installes[1].couleur"));
    auto contact = parse_row_key(*questionnaire, "dispositif.contact_installation.email");
    ASSERT_TRUE(contact);
    EXPECT_EQ(contact->question_id, "dispositif.contact_installation");
    EXPECT_EQ(contact->field_id, "email");
    EXPECT_FALSE(parse_row_key(*questionnaire, "dispositif.contact_installation.age"));
    EXPECT_FALSE(parse_row_key(*questionnaire, "nope"));
    EXPECT_EQ(plain_lines("**Gras**\n\n\n- point\n"), (std::vector<std::string>{"Gras", "", "• point"}));
}
