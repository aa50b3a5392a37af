// What importing a filled workbook would do: values checked like typed answers, the per-row
// report, branching, and workbooks that do not belong to the questionnaire.
#include "outputs/xlsx/import_plan.hpp"

#include <gtest/gtest.h>

#include "core/document_answer.hpp"
#include "definition/definition_loader.hpp"
#include "outputs/xlsx/questionnaire_workbook.hpp"
#include "outputs/xlsx/workbook_layout.hpp"
#include "zip_builder.hpp"

using namespace cyberachat;
using namespace cyberachat::xlsx;
using json = nlohmann::json;

namespace {

std::string questionnaire_yaml(const std::string& version) {
    return R"Y(
questionnaire:
  id: test
  version: ")Y" + version + R"Y("
  title: {fr: "Test", en: "Test"}
parts:
  - id: p1
    title: {fr: "Partie 1", en: "Part 1"}
    sections:
      - id: p1.s1
        title: {fr: "S1", en: "S1"}
        note: {fr: "Une note", en: "A note"}
        questions:
          - id: p1.gate
            kind: yes_no
            label: {fr: "Porte", en: "Gate"}
          - id: p1.detail
            kind: text
            show_if: "p1.gate == oui"
            label: {fr: "Détail", en: "Detail"}
          - id: p1.size
            kind: number
            min: 0
            unit: "pouces"
            label: {fr: "Taille", en: "Size"}
          - id: p1.count
            kind: integer
            label: {fr: "Nombre", en: "Count"}
          - id: p1.when
            kind: date
            label: {fr: "Date", en: "Date"}
          - id: p1.colour
            kind: single_choice
            label: {fr: "Couleur", en: "Colour"}
            choices:
              - {id: rouge, label: {fr: "Rouge", en: "Red"}}
              - {id: vert, label: {fr: "Vert, clair", en: "Light green"}}
          - id: p1.os
            kind: multiple_choice
            label: {fr: "Systèmes", en: "Systems"}
            choices:
              - {id: windows, label: {fr: "Windows", en: "Windows"}}
              - {id: linux, label: {fr: "Linux", en: "Linux"}}
          - id: p1.certificate
            kind: document
            label: {fr: "Certificat", en: "Certificate"}
          - id: p1.software
            kind: table
            label: {fr: "Logiciels", en: "Software"}
            fields:
              - {id: nom, kind: text, label: {fr: "Nom", en: "Name"}}
              - {id: version, kind: text, label: {fr: "Version", en: "Version"}}
          - id: p1.contact
            kind: contact
            label: {fr: "Contact", en: "Contact"}
  - id: p2
    title: {fr: "Partie 2", en: "Part 2"}
    sections:
      - id: p2.s1
        title: {fr: "Réseau", en: "Network"}
        show_if: "p1.gate == non"
        questions:
          - id: p2.wifi
            kind: yes_no
            label: {fr: "Wi-Fi", en: "Wi-Fi"}
)Y";
}

std::shared_ptr<const Questionnaire> load(const std::string& version = "1") {
    auto loaded = load_definition(questionnaire_yaml(version), "test.yaml");
    if (!loaded.ok()) throw std::runtime_error("test questionnaire does not load");
    return loaded.questionnaire;
}

WorkbookData exported(const Questionnaire& questionnaire, const AnswerSet& answers, Language language = Language::fr) {
    FilledAnswers filled;
    filled.answers = answers;
    filled.response_id = 7;
    auto bytes = write_questionnaire_workbook(questionnaire, language, &filled);
    if (!bytes) throw std::runtime_error(bytes.error().message.fr);
    auto workbook = read_workbook(*bytes);
    if (!workbook) throw std::runtime_error(workbook.error().message.fr);
    return std::move(workbook.value());
}

// A hand-written workbook: the metadata sheet and one answer sheet with these rows
// (id, answer cell XML inside <c>, comment).
struct Row {
    std::string id, answer_cell, comment;
};
Row text_row(const std::string& id, const std::string& text) {
    return {id, " t=\"inlineStr\"><is><t>" + text + "</t></is>", ""};
}
Row number_row(const std::string& id, const std::string& number) { return {id, "><v>" + number + "</v>", ""}; }
std::string inline_cell(const std::string& ref, const std::string& text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}
std::string hand_workbook(const std::vector<Row>& rows, const std::string& version = "1") {
    std::string meta = "<row r=\"1\">" + inline_cell("A1", kMetaMarker) + inline_cell("B1", "1") + "</row>" +
                       "<row r=\"2\">" + inline_cell("A2", kMetaQuestionnaire) + inline_cell("B2", "test") + "</row>" +
                       "<row r=\"3\">" + inline_cell("A3", kMetaVersion) + inline_cell("B3", version) + "</row>";
    std::string sheet = "<row r=\"1\">" + inline_cell("A1", "ID") + inline_cell("F1", "Réponse") + "</row>";
    int r = 2;
    for (const auto& row : rows) {
        const std::string n = std::to_string(r++);
        sheet += "<row r=\"" + n + "\">" + inline_cell("A" + n, row.id);
        if (!row.answer_cell.empty()) sheet += "<c r=\"F" + n + "\"" + row.answer_cell + "</c>";
        if (!row.comment.empty()) sheet += inline_cell("G" + n, row.comment);
        sheet += "</row>";
    }
    const std::string ns = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";
    return cyberachat::testing::make_zip({
        {"_rels/.rels",
         R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)"},
        {"xl/workbook.xml",
         "<workbook " + ns + R"( xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Partie 1" sheetId="1" r:id="rId1"/><sheet name="_cyberachat" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>)"},
        {"xl/_rels/workbook.xml.rels",
         R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>)"},
        {"xl/worksheets/sheet1.xml", "<worksheet " + ns + "><sheetData>" + sheet + "</sheetData></worksheet>"},
        {"xl/worksheets/sheet2.xml", "<worksheet " + ns + "><sheetData>" + meta + "</sheetData></worksheet>"},
    });
}

ImportPlan plan_of(const Questionnaire& questionnaire, const AnswerSet& current, const std::string& bytes) {
    auto workbook = read_workbook(bytes);
    if (!workbook) throw std::runtime_error(workbook.error().message.fr);
    auto plan = plan_import(questionnaire, current, *workbook, Language::fr);
    if (!plan) throw std::runtime_error(plan.error().message.fr);
    return std::move(plan.value());
}

const ImportRow& row_for(const ImportPlan& plan, const std::string& id) {
    for (const auto& row : plan.rows)
        if (row.id == id || row.question_id == id) return row;
    throw std::runtime_error("no report row for " + id);
}

const ImportChange* change_for(const ImportPlan& plan, const std::string& id) {
    for (const auto& change : plan.changes)
        if (change.question_id == id) return &change;
    return nullptr;
}

AnswerSet full_answers() {
    AnswerSet answers;
    answers["p1.gate"] = {json("oui"), "Vérifié"};
    answers["p1.detail"] = {json("Un détail"), ""};
    answers["p1.size"] = {json(21.5), ""};
    answers["p1.count"] = {json(3), ""};
    answers["p1.when"] = {json("2026-03-01"), ""};
    answers["p1.colour"] = {json("vert"), ""};
    answers["p1.os"] = {json::array({"windows", "linux"}), ""};
    answers["p1.software"] = {json::array({json{{"nom", "Viewer"}, {"version", "2.1"}}, json{{"nom", "Agent"}}}), ""};
    answers["p1.contact"] = {json{{"nom", "Martin"}, {"email", "martin@example.com"}, {"telephone", "01 23 45 67 89"}}, ""};
    answers["p1.certificate"] = {unavailable_document("Classe I : déclaration UE de conformité"), ""};
    return answers;
}

}  // namespace

TEST(XlsxImportPlan, AnExportedResponseImportsBackToTheSameAnswers) {
    auto questionnaire = load();
    const AnswerSet answers = full_answers();
    for (Language language : {Language::fr, Language::en}) {
        const WorkbookData workbook = exported(*questionnaire, answers, language);
        auto plan = plan_import(*questionnaire, {}, workbook, Language::fr);
        ASSERT_TRUE(plan.ok()) << plan.error().message.fr;
        EXPECT_EQ(plan->workbook_response_id, 7);
        EXPECT_EQ(plan->workbook_language, language_code(language));
        for (const auto& [id, answer] : answers) {
            const ImportChange* change = change_for(*plan, id);
            ASSERT_NE(change, nullptr) << id;
            EXPECT_EQ(change->value, answer.value) << id;
            EXPECT_EQ(change->comment, answer.comment) << id;
            EXPECT_EQ(row_for(*plan, id).status, RowStatus::imported) << id;
        }
        EXPECT_EQ(plan->count(RowStatus::rejected), 0u);

        // The same file over the same answers changes nothing.
        auto again = plan_import(*questionnaire, answers, workbook, Language::fr);
        ASSERT_TRUE(again.ok());
        EXPECT_TRUE(again->changes.empty());
        EXPECT_EQ(again->count(RowStatus::unchanged), answers.size());
    }
}

TEST(XlsxImportPlan, AcceptsWhatPeopleTypeInBothLanguages) {
    auto questionnaire = load();
    const std::string bytes = hand_workbook({
        text_row("p1.gate", "Yes"),
        text_row("p1.size", "21,5"),
        number_row("p1.count", "4"),
        number_row("p1.when", "46082"),
        text_row("p1.colour", "light GREEN"),
        text_row("p1.os", "Linux ; windows"),
        text_row("p1.contact.nom", "Durand"),
        text_row("p1.software[2].nom", "Second"),
        text_row("p1.software[1].nom", "First"),
        number_row("p1.software[1].version", "3"),
    });
    const ImportPlan plan = plan_of(*questionnaire, {}, bytes);
    EXPECT_EQ(change_for(plan, "p1.gate")->value, "oui");
    EXPECT_EQ(change_for(plan, "p1.size")->value, 21.5);
    EXPECT_EQ(change_for(plan, "p1.count")->value, 4);
    EXPECT_EQ(change_for(plan, "p1.when")->value, "2026-03-01");
    EXPECT_EQ(change_for(plan, "p1.colour")->value, "vert");
    EXPECT_EQ(change_for(plan, "p1.os")->value, json::array({"linux", "windows"}));
    EXPECT_EQ(change_for(plan, "p1.contact")->value, json({{"nom", "Durand"}}));
    EXPECT_EQ(change_for(plan, "p1.software")->value,
              json::array({json{{"nom", "First"}, {"version", "3"}}, json{{"nom", "Second"}}}));
    EXPECT_EQ(plan.count(RowStatus::rejected), 0u);
}

TEST(XlsxImportPlan, ReportsRejectedUnknownRepeatedDocumentAndBranchRows) {
    auto questionnaire = load();
    const std::string bytes = hand_workbook({
        text_row("p1.gate", "non"),
        text_row("p1.size", "grand"),
        number_row("p1.count", "-1.5"),
        text_row("p1.colour", "Bleu"),
        text_row("p1.unknown", "x"),
        text_row("p1.gate", "oui"),
        text_row("p1.detail", "only if gate is oui"),
        text_row("p1.certificate", "certificat.pdf"),
        text_row("p2.wifi", "oui"),
    });
    const ImportPlan plan = plan_of(*questionnaire, {}, bytes);
    EXPECT_EQ(row_for(plan, "p1.gate").status, RowStatus::imported);
    EXPECT_EQ(change_for(plan, "p1.gate")->value, "non");  // the first row wins
    const ImportRow& size = row_for(plan, "p1.size");
    EXPECT_EQ(size.status, RowStatus::rejected);
    EXPECT_EQ(size.message.fr, "Saisissez un nombre (par exemple 12,5).");
    EXPECT_EQ(size.cell_text, "grand");
    EXPECT_EQ(size.row, 3u);
    EXPECT_EQ(size.sheet, "Partie 1");
    EXPECT_EQ(row_for(plan, "p1.count").status, RowStatus::rejected);
    EXPECT_EQ(row_for(plan, "p1.colour").status, RowStatus::rejected);
    EXPECT_EQ(row_for(plan, "p1.unknown").status, RowStatus::rejected);
    size_t repeated = 0;
    for (const auto& row : plan.rows)
        if (row.id == "p1.gate" && row.status == RowStatus::rejected) ++repeated;
    EXPECT_EQ(repeated, 1u);
    EXPECT_EQ(row_for(plan, "p1.detail").status, RowStatus::ignored_branch);  // gate = non
    EXPECT_EQ(row_for(plan, "p1.certificate").status, RowStatus::ignored_document);
    EXPECT_EQ(row_for(plan, "p2.wifi").status, RowStatus::imported);  // gate = non opens part 2
    EXPECT_EQ(plan.changes.size(), 2u);
    EXPECT_EQ(change_for(plan, "p1.detail"), nullptr);
    // The report follows the file's order.
    for (size_t i = 1; i < plan.rows.size(); ++i) EXPECT_LE(plan.rows[i - 1].row, plan.rows[i].row);
}

// A document's cell takes the statement "Non disponible : <raison>" (either language, any
// capitals); with files attached, the statement is refused; the workbook's own texts are not one.
TEST(XlsxImportPlan, ADocumentCellStatesNotAvailableWithItsReason) {
    auto questionnaire = load();
    const ImportPlan typed = plan_of(*questionnaire, {}, hand_workbook({text_row("p1.certificate", "not AVAILABLE :  Class I device ")}));
    ASSERT_NE(change_for(typed, "p1.certificate"), nullptr);
    EXPECT_EQ(change_for(typed, "p1.certificate")->value, unavailable_document("Class I device"));
    EXPECT_EQ(row_for(typed, "p1.certificate").status, RowStatus::imported);

    const ImportPlan no_reason = plan_of(*questionnaire, {}, hand_workbook({text_row("p1.certificate", "Non disponible :")}));
    EXPECT_EQ(row_for(no_reason, "p1.certificate").status, RowStatus::rejected);
    EXPECT_NE(row_for(no_reason, "p1.certificate").message.fr.find("pourquoi"), std::string::npos);

    AnswerSet with_file;
    with_file["p1.certificate"] = {json::array({41}), ""};
    const ImportPlan over_file = plan_of(*questionnaire, with_file, hand_workbook({text_row("p1.certificate", "Non disponible : perdu")}));
    EXPECT_EQ(row_for(over_file, "p1.certificate").status, RowStatus::rejected);
    EXPECT_EQ(change_for(over_file, "p1.certificate"), nullptr);

    const ImportPlan generated = plan_of(*questionnaire, {}, hand_workbook({text_row("p1.certificate", "Document : à déposer sur la plateforme")}));
    EXPECT_EQ(change_for(generated, "p1.certificate"), nullptr);
}

TEST(XlsxImportPlan, EmptyCellsEraseNothingAndACommentAloneIsImported) {
    auto questionnaire = load();
    AnswerSet current;
    current["p1.size"] = {json(12), "ancien"};
    current["p1.gate"] = {json("oui"), ""};
    const std::string bytes = hand_workbook({
        {"p1.size", "", ""},
        {"p1.gate", "", "Voir la notice"},
        {"p1.count", "", ""},
    });
    const ImportPlan plan = plan_of(*questionnaire, current, bytes);
    EXPECT_EQ(change_for(plan, "p1.size"), nullptr);
    const ImportChange* gate = change_for(plan, "p1.gate");
    ASSERT_NE(gate, nullptr);
    EXPECT_EQ(gate->value, "oui");
    EXPECT_EQ(gate->comment, "Voir la notice");
    EXPECT_EQ(plan.rows.size(), 1u);
    EXPECT_EQ(plan.empty_rows, 2u);
}

TEST(XlsxImportPlan, RefusesForeignWorkbooksAndOtherVersions) {
    auto questionnaire = load();
    auto foreign = read_workbook(cyberachat::testing::minimal_workbook(R"(<row r="1"><c r="A1"><v>1</v></c></row>)"));
    ASSERT_TRUE(foreign.ok());
    auto refused = plan_import(*questionnaire, {}, *foreign, Language::fr);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::foreign);
    EXPECT_NE(refused.error().message.in(Language::en).find("Cyberachat"), std::string::npos);

    auto newer = load("2");
    const WorkbookData workbook = exported(*newer, {});
    auto other_version = plan_import(*questionnaire, {}, workbook, Language::fr);
    ASSERT_FALSE(other_version.ok());
    EXPECT_EQ(other_version.error().code, ErrorCode::wrong_version);
    EXPECT_NE(other_version.error().message.fr.find("version 2"), std::string::npos);
    EXPECT_NE(other_version.error().message.fr.find("version 1"), std::string::npos);
}
