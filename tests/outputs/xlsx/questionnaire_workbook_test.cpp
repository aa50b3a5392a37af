// The blank questionnaire workbook of the AFIB questionnaire, read back with our own reader:
// metadata, one sheet per part, every question id, the instructions; a filled one read by openpyxl,
// what does not apply marked so, and imported back.
#include "outputs/xlsx/questionnaire_workbook.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "definition/builtin_questionnaire.hpp"
#include "definition/definition_loader.hpp"
#include "outputs/xlsx/answer_cells.hpp"
#include "outputs/xlsx/import_plan.hpp"
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

namespace {

// A gate and, behind it (gate = oui), a number with its unit, a document, a table and a section.
constexpr const char* kBranchedYaml = R"Y(
questionnaire:
  id: branches
  version: "1"
  title: {fr: "Branches", en: "Branches"}
parts:
  - id: p
    title: {fr: "Partie", en: "Part"}
    sections:
      - id: p.s
        title: {fr: "Questions", en: "Questions"}
        questions:
          - id: p.gate
            kind: yes_no
            label: {fr: "Porte", en: "Gate"}
          - id: p.colour
            kind: single_choice
            label: {fr: "Couleur", en: "Colour"}
            choices:
              - {id: rouge, label: {fr: "Rouge", en: "Red"}}
          - id: p.size
            kind: number
            unit: pouces
            show_if: "p.gate == oui"
            label: {fr: "Taille", en: "Size"}
          - id: p.doc
            kind: document
            show_if: "p.gate == oui"
            label: {fr: "Certificat", en: "Certificate"}
          - id: p.software
            kind: table
            show_if: "p.gate == oui"
            label: {fr: "Logiciels", en: "Software"}
            fields:
              - {id: nom, kind: text, label: {fr: "Nom", en: "Name"}}
      - id: p.behind
        title: {fr: "Derrière la porte", en: "Behind the gate"}
        show_if: "p.gate == oui"
        questions:
          - id: p.detail
            kind: text
            label: {fr: "Détail", en: "Detail"}
)Y";

const std::string kWorkbookTool = std::string(CYB_SOURCE_DIR) + "/tests/tools/xlsx_tool.py";

std::string workbook_test_dir() {
    char pattern[] = "/tmp/cyb-workbook-test-XXXXXX";
    const char* dir = mkdtemp(pattern);
    if (!dir) throw std::runtime_error("mkdtemp");
    return dir;
}

std::string workbook_command_output(const std::string& command) {
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) throw std::runtime_error("popen");
    std::string out;
    char buffer[4096];
    for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    if (pclose(pipe) != 0) throw std::runtime_error(command + ": " + out);
    return out;
}

// openpyxl's view of the workbook's rows by ID (tests/tools/xlsx_tool.py cells).
nlohmann::json openpyxl_cells(const std::string& bytes) {
    const std::string dir = workbook_test_dir();
    std::ofstream(dir + "/in.xlsx", std::ios::binary) << bytes;
    auto out = nlohmann::json::parse(workbook_command_output("/usr/bin/python3 " + kWorkbookTool + " cells " + dir + "/in.xlsx"));
    std::filesystem::remove_all(dir);
    return out;
}

// The workbook with these answer cells set by openpyxl (tests/tools/xlsx_tool.py fill).
std::string openpyxl_filled(const std::string& bytes, const nlohmann::json& answers) {
    const std::string dir = workbook_test_dir();
    std::ofstream(dir + "/in.xlsx", std::ios::binary) << bytes;
    std::ofstream(dir + "/answers.json") << answers.dump();
    workbook_command_output("/usr/bin/python3 " + kWorkbookTool + " fill " + dir + "/in.xlsx " + dir + "/out.xlsx " + dir +
                            "/answers.json");
    std::ifstream in(dir + "/out.xlsx", std::ios::binary);
    std::ostringstream filled;
    filled << in.rdbuf();
    std::filesystem::remove_all(dir);
    return filled.str();
}

}  // namespace

// The gate is "non": what stands behind it is greyed and says "Sans objet" in its answer cells,
// and what the vendor had saved there before (a number, a comment, a document, a table row) never
// looks current — told in the "Applies" cell as kept and not taken into account. Importing the file
// back changes nothing; a vendor who opens the gate in the file answers over "Sans objet".
TEST(QuestionnaireWorkbook, AFilledWorkbookMarksWhatDoesNotApplyAsSuch) {
    auto loaded = load_definition(kBranchedYaml, "branches.yaml");
    ASSERT_TRUE(loaded.ok());
    const Questionnaire& questionnaire = *loaded.questionnaire;
    FilledAnswers filled;
    filled.response_id = 3;
    filled.answers["p.gate"] = {nlohmann::json("non"), ""};
    filled.answers["p.colour"] = {nlohmann::json("rouge"), "Teinte du boîtier"};
    filled.answers["p.size"] = {nlohmann::json(21.5), "Mesuré sur la dalle"};
    filled.answers["p.software"] = {nlohmann::json::array({{{"nom", "Visionneuse"}}}), ""};
    filled.answers["p.detail"] = {nlohmann::json("Ancien détail"), ""};
    filled.document_names["p.doc"] = {"ancien-certificat.pdf"};

    for (Language language : {Language::fr, Language::en}) {
        const std::string marker = language == Language::fr ? "Sans objet" : "Does not apply";
        auto bytes = write_questionnaire_workbook(questionnaire, language, &filled);
        ASSERT_TRUE(bytes.ok()) << bytes.error().message.fr;
        const nlohmann::json cells = openpyxl_cells(*bytes);

        // What applies: as saved, in a yellow unlocked cell.
        EXPECT_EQ(cells["p.colour"]["answer"], language == Language::fr ? "Rouge" : "Red");
        EXPECT_EQ(cells["p.colour"]["comment"], "Teinte du boîtier");
        EXPECT_EQ(cells["p.colour"]["answer_fill"], "FFFFF9DB");
        EXPECT_FALSE(cells["p.colour"]["answer_italic"].get<bool>());

        // What does not: "Sans objet", greyed (grey italics on grey, the question in grey too),
        // still unlocked; the saved value and comment only in the "Applies" cell.
        for (const char* id : {"p.size", "p.detail", "p.software[1].nom"}) {
            const auto& cell = cells[id];
            EXPECT_EQ(cell["answer"], marker) << id;
            EXPECT_EQ(cell["answer_fill"], "FFE7E6E6") << id;
            EXPECT_TRUE(cell["answer_italic"].get<bool>()) << id;
            EXPECT_FALSE(cell["answer_locked"].get<bool>()) << id;
            EXPECT_EQ(cell["question_colour"], "FF595959") << id;
            EXPECT_TRUE(cell["comment"].is_null()) << id;
        }
        const std::string size_note = cells["p.size"]["applies"].get<std::string>();
        EXPECT_NE(size_note.find(language == Language::fr ? "Sans objet d'après les réponses enregistrées"
                                                          : "Does not apply given the saved answers"),
                  std::string::npos)
            << size_note;
        EXPECT_NE(size_note.find(language == Language::fr ? "non prise en compte : 21,5 pouces"
                                                          : "not taken into account: 21.5 pouces"),
                  std::string::npos)
            << size_note;
        EXPECT_NE(size_note.find("Mesuré sur la dalle"), std::string::npos) << size_note;
        EXPECT_EQ(cells["p.doc"]["answer"], marker);
        EXPECT_NE(cells["p.doc"]["applies"].get<std::string>().find("ancien-certificat.pdf"), std::string::npos);
        EXPECT_EQ(cells["p.software"]["answer"], marker);
        EXPECT_NE(cells["p.software"]["applies"].get<std::string>().find("Visionneuse"), std::string::npos);
        EXPECT_NE(cells["p.detail"]["applies"].get<std::string>().find("Ancien détail"), std::string::npos);
        for (const auto& [id, cell] : cells.items())
            if (cell["answer"].is_string()) {
                EXPECT_EQ(cell["answer"].get<std::string>().find("ancien-certificat.pdf"), std::string::npos) << id;
                EXPECT_NE(cell["answer"], "Visionneuse") << id;
            }

        // Imported back over the saved answers: nothing changes, nothing is refused.
        AnswerSet current = filled.answers;
        current["p.doc"].value = nlohmann::json::array({1});
        auto workbook = read_workbook(*bytes);
        ASSERT_TRUE(workbook.ok());
        auto again = plan_import(questionnaire, current, *workbook, Language::fr);
        ASSERT_TRUE(again.ok()) << again.error().message.fr;
        EXPECT_TRUE(again->changes.empty());
        EXPECT_EQ(again->count(RowStatus::rejected), 0u);
        EXPECT_EQ(again->count(RowStatus::ignored_document), 0u);

        // The vendor opens the gate in the file and answers the detail over "Sans objet": the
        // cells left "Sans objet" are empty cells (the saved number and table stay as they are).
        const std::string opened = openpyxl_filled(*bytes, {{"p.gate", language == Language::fr ? "Oui" : "Yes"},
                                                            {"p.detail", "Nouveau détail"}});
        auto reopened = read_workbook(opened);
        ASSERT_TRUE(reopened.ok());
        auto plan = plan_import(questionnaire, current, *reopened, Language::fr);
        ASSERT_TRUE(plan.ok()) << plan.error().message.fr;
        EXPECT_EQ(plan->count(RowStatus::rejected), 0u);
        ASSERT_EQ(plan->changes.size(), 2u);
        EXPECT_EQ(plan->changes[0].question_id, "p.gate");
        EXPECT_EQ(plan->changes[0].value, "oui");
        EXPECT_EQ(plan->changes[1].question_id, "p.detail");
        EXPECT_EQ(plan->changes[1].value, "Nouveau détail");
    }
}

// A choice labelled like the marker ("Not applicable" is one in the AFIB questionnaire) is read
// as that choice, never as an empty cell.
TEST(QuestionnaireWorkbook, AChoiceNamedLikeTheMarkerStaysThatChoice) {
    Question question;
    question.id = "q";
    question.kind = QuestionKind::single_choice;
    question.choices = {Choice{"na", LocalizedText{"Sans objet", "Does not apply"}}};
    EXPECT_EQ(raw_answer(question, CellValue{std::string("Sans objet")}), "na");
    Question text;
    text.id = "t";
    EXPECT_TRUE(holds_not_applicable(text, CellValue{std::string(" sans objet ")}));
    EXPECT_TRUE(holds_not_applicable(text, CellValue{std::string("Does not apply")}));
    EXPECT_TRUE(raw_answer(text, CellValue{std::string("Sans objet")}).is_null());
    EXPECT_FALSE(holds_not_applicable(text, CellValue{std::string("Sans objet : voir notice")}));
}

// The yes/no and choice cells carry their drop-down list (a list validation over a range of the
// metadata sheet), as openpyxl reads them: without it a vendor types "yes" where "Oui" is read.
TEST(QuestionnaireWorkbook, YesNoAndChoiceCellsOfferTheirListInTheSpreadsheet) {
    auto questionnaire = builtin_afib();
    auto bytes = write_questionnaire_workbook(*questionnaire, Language::fr);
    ASSERT_TRUE(bytes.ok()) << bytes.error().message.fr;
    const std::string dir = workbook_test_dir();
    std::ofstream(dir + "/in.xlsx", std::ios::binary) << *bytes;
    const auto validations =
        nlohmann::json::parse(workbook_command_output("/usr/bin/python3 " + kWorkbookTool + " validations " + dir + "/in.xlsx"));
    std::filesystem::remove_all(dir);
    size_t lists = 0;
    for (const auto& v : validations)
        if (v["type"] == "list") {
            ++lists;
            EXPECT_NE(v["formula"].get<std::string>().find("!$"), std::string::npos) << v.dump();
        }
    size_t choice_questions = 0;
    for (const Question* question : questionnaire->questions())
        if (question->kind == QuestionKind::yes_no || question->kind == QuestionKind::single_choice) ++choice_questions;
    EXPECT_GE(lists, choice_questions) << validations.dump().substr(0, 500);
}
