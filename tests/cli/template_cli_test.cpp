// `cyberachat template check|show|eval`, run as a real process: exit codes, stdout, stderr.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../hospital_questionnaire.hpp"
#include "cli_process.hpp"

using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

using cyberachat::cli_testing::Outcome;
using cyberachat::cli_testing::read_whole_file;

class TemplateCli : public cyberachat::cli_testing::CliTest {
protected:
    fs::path write(const std::string& name, const std::string& content) {
        fs::path path = dir_ / name;
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }

    // Runs the binary with `args`; stdout and stderr go to files in the temp directory.
    Outcome run(const std::vector<std::string>& args) { return cyberachat::cli_testing::run_cyberachat(args, dir_); }

    json parse_stdout(const Outcome& r) {
        json parsed = json::parse(r.out, nullptr, false);
        EXPECT_FALSE(parsed.is_discarded()) << "stdout is not JSON:\n" << r.out.substr(0, 2000);
        return parsed;
    }

    // `template eval --answers FILE` with `answers` as the file's JSON; expects success.
    json eval(const json& answers) {
        fs::path file = write("answers.json", answers.dump());
        Outcome r = run({"template", "eval", "--answers", file.string()});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return parse_stdout(r);
    }
};

bool contains(const json& list, const std::string& id) {
    for (const auto& item : list)
        if (item == id) return true;
    return false;
}

const char* kBadYaml = R"Y(questionnaire:
  id: hopital
  version: "1"
  title: {fr: "Questionnaire de l'hôpital"}
parts:
  - id: p
    title: {fr: "Partie"}
    sections:
      - id: p.s
        title: {fr: "Section"}
        questions:
          - id: p.gate
            kind: yes_no
            label: {fr: "Porte"}
          - id: p.detail
            kind: text
            show_if: "p.gate == yes"
            label: {fr: "Détail"}
)Y";

const char* kGoodYaml = cyberachat::test_data::kHospitalQuestionnaireYaml;

}  // namespace

// ---- check -------------------------------------------------------------------------------------------

TEST_F(TemplateCli, CheckBuiltinSucceeds) {
    Outcome r = run({"template", "check"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("afib"), std::string::npos) << r.out;
    EXPECT_EQ(r.err, "");
}

TEST_F(TemplateCli, CheckValidFileSucceeds) {
    fs::path file = write("good.yaml", kGoodYaml);
    Outcome r = run({"template", "check", file.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("hopital"), std::string::npos) << r.out;
}

TEST_F(TemplateCli, CheckBadFileReportsFileLineAndId) {
    fs::path file = write("bad.yaml", kBadYaml);
    Outcome r = run({"template", "check", file.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(file.string() + ":17:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("p.detail"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("p.gate"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("oui"), std::string::npos) << r.err;
}

TEST_F(TemplateCli, CheckYamlSyntaxError) {
    fs::path file = write("broken.yaml", "questionnaire:\n  id: x\n  title: {fr: \"T\"\nparts: []\n");
    Outcome r = run({"template", "check", file.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(file.string() + ":"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("YAML"), std::string::npos) << r.err;
}

TEST_F(TemplateCli, CheckMissingFileFails) {
    const std::string missing = (dir_ / "missing.yaml").string();
    Outcome r = run({"template", "check", missing});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
}

TEST_F(TemplateCli, CheckOddYamlNeverCrashes) {
    for (const char* content : {"", "hello", "- a\n- b\n", "questionnaire: {id: t}\nparts: x\n", "? [a]\n: b\n"}) {
        fs::path file = write("odd.yaml", content);
        Outcome r = run({"template", "check", file.string()});
        EXPECT_EQ(r.exit_code, 1) << content;
        EXPECT_FALSE(r.err.empty()) << content;
    }
}

// Hostile definitions: refused with a precise error, never a crash (the parser and the loaders recurse).
TEST_F(TemplateCli, CheckDeeplyNestedConditionIsAPreciseError) {
    std::string yaml = kGoodYaml;
    const std::string gate = "show_if: \"p.gate == oui\"";
    ASSERT_NE(yaml.find(gate), std::string::npos);
    for (const std::string& condition : {std::string(100, '(') + "p.gate == oui" + std::string(100, ')'),
                                         std::string(10000, '(') + "p.gate == oui" + std::string(10000, ')')}) {
        std::string hostile = yaml;
        hostile.replace(hostile.find(gate), gate.size(), "show_if: \"" + condition + "\"");
        fs::path file = write("deep.yaml", hostile);
        Outcome r = run({"template", "check", file.string()});
        EXPECT_EQ(r.exit_code, 1) << r.err;
        EXPECT_NE(r.err.find(file.string() + ":"), std::string::npos) << r.err.substr(0, 500);
        EXPECT_NE(r.err.find("p.suite"), std::string::npos) << r.err.substr(0, 500);
        EXPECT_TRUE(r.err.find("trop imbriquée") != std::string::npos || r.err.find("trop longue") != std::string::npos)
            << r.err.substr(0, 500);
    }
}

TEST_F(TemplateCli, CheckFiftyThousandNotsIsAnError) {
    std::string hostile = kGoodYaml;
    const std::string gate = "show_if: \"p.gate == oui\"";
    std::string nots;
    for (int i = 0; i < 50000; ++i) nots += "not ";
    hostile.replace(hostile.find(gate), gate.size(), "show_if: \"" + nots + "p.gate == oui\"");
    fs::path file = write("nots.yaml", hostile);
    Outcome r = run({"template", "check", file.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("trop longue"), std::string::npos) << r.err.substr(0, 500);
}

TEST_F(TemplateCli, CheckDeeplyNestedYamlIsAnError) {
    // Flow nesting 100,000 deep, block nesting 40 deep inside a question, and a "billion laughs".
    std::string block = "questionnaire:\n  id: t\n  version: \"1\"\n  title: {fr: \"T\"}\nparts:\n  - id: p\n    extra:\n";
    for (int i = 0; i < 40; ++i) block += std::string(6 + 2 * i, ' ') + "k" + std::to_string(i) + ":\n";
    block += std::string(6 + 80, ' ') + "v: 1\n";
    std::string laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
        const char prev = static_cast<char>(c - 1);
        std::string items;
        for (int i = 0; i < 10; ++i) items += std::string(i ? ", *" : "*") + prev;
        laughs += std::string(1, c) + ": &" + std::string(1, c) + " [" + items + "]\n";
    }
    struct Case { std::string content; const char* expected; };
    for (const Case& c : {Case{"questionnaire: " + std::string(100000, '[') + std::string(100000, ']') + "\n", "trop imbriqu"},
                          Case{block, "trop imbriqu"}, Case{laughs, "trop grand"}}) {
        fs::path file = write("nested.yaml", c.content);
        Outcome r = run({"template", "check", file.string()});
        EXPECT_EQ(r.exit_code, 1) << r.err.substr(0, 300);
        EXPECT_NE(r.err.find(file.string() + ":"), std::string::npos) << r.err.substr(0, 300);
        EXPECT_NE(r.err.find(c.expected), std::string::npos) << r.err.substr(0, 300);
    }
}

// ---- show ----------------------------------------------------------------------------------------------

TEST_F(TemplateCli, ShowJsonHasTheDocumentedShape) {
    Outcome r = run({"template", "show", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    json q = parse_stdout(r);
    ASSERT_TRUE(q.is_object());
    EXPECT_EQ(q["id"], "afib");
    EXPECT_TRUE(q["version"].is_string());
    ASSERT_TRUE(q["parts"].is_array());
    ASSERT_EQ(q["parts"].size(), 4u);
    const std::vector<std::string> part_ids = {"dispositif", "serveurs", "logiciels", "maintenance"};
    size_t questions = 0;
    for (size_t p = 0; p < 4; ++p) {
        const json& part = q["parts"][p];
        EXPECT_EQ(part["id"], part_ids[p]);
        EXPECT_TRUE(part["title"]["fr"].is_string());
        EXPECT_TRUE(part["title"]["en"].is_string());
        ASSERT_TRUE(part["sections"].is_array()) << part_ids[p];
        ASSERT_FALSE(part["sections"].empty()) << part_ids[p];
        for (const json& section : part["sections"]) {
            for (const char* key : {"id", "title", "show_if", "note", "questions"})
                EXPECT_TRUE(section.contains(key)) << section.value("id", "?") << " lacks " << key;
            EXPECT_TRUE(section["id"].is_string());
            EXPECT_TRUE(section["title"]["fr"].is_string());
            EXPECT_TRUE(section["title"]["en"].is_string());
            EXPECT_TRUE(section["show_if"].is_null() || section["show_if"].is_string());
            EXPECT_TRUE(section["note"].is_null() || section["note"].is_object());
            ASSERT_TRUE(section["questions"].is_array());
            for (const json& question : section["questions"]) {
                ++questions;
                const std::string id = question.value("id", "?");
                for (const char* key : {"id", "kind", "label", "required", "show_if", "unit", "choices", "fields"})
                    EXPECT_TRUE(question.contains(key)) << id << " lacks " << key;
                EXPECT_TRUE(question["kind"].is_string()) << id;
                EXPECT_TRUE(question["label"]["fr"].is_string()) << id;
                EXPECT_TRUE(question["label"]["en"].is_string()) << id;
                EXPECT_TRUE(question["required"].is_boolean()) << id;
                EXPECT_TRUE(question["show_if"].is_null() || question["show_if"].is_string()) << id;
                EXPECT_TRUE(question["unit"].is_null() || question["unit"].is_string()) << id;
                EXPECT_TRUE(question["choices"].is_array()) << id;
                EXPECT_TRUE(question["fields"].is_array()) << id;
            }
        }
    }
    EXPECT_GT(questions, 100u);
    EXPECT_NE(q["source"]["doi"].get<std::string>().find("10.34746/ids213"), std::string::npos);
}

TEST_F(TemplateCli, ShowJsonReflectsTheDefinition) {
    Outcome r = run({"template", "show", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    json q = parse_stdout(r);
    const json* prerequis = nullptr;
    const json* poste = nullptr;
    for (const json& section : q["parts"][0]["sections"]) {
        if (section["id"] == "dispositif.prerequis_poste") prerequis = &section;
        for (const json& question : section["questions"])
            if (question["id"] == "dispositif.poste_standard") poste = &question;
    }
    ASSERT_NE(prerequis, nullptr);
    ASSERT_NE(poste, nullptr);
    EXPECT_EQ((*prerequis)["show_if"], "dispositif.poste_standard == oui");
    EXPECT_EQ((*poste)["kind"], "yes_no");
    EXPECT_EQ((*poste)["required"], true);
    EXPECT_TRUE((*poste)["show_if"].is_null());
}

TEST_F(TemplateCli, ShowJsonOfAFile) {
    fs::path file = write("good.yaml", kGoodYaml);
    Outcome r = run({"template", "show", "--json", file.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    json q = parse_stdout(r);
    EXPECT_EQ(q["id"], "hopital");
    EXPECT_EQ(q["version"], "3");
    ASSERT_EQ(q["parts"].size(), 1u);
    const json& taille = q["parts"][0]["sections"][0]["questions"][1];
    EXPECT_EQ(taille["id"], "p.taille");
    EXPECT_EQ(taille["kind"], "number");
    EXPECT_EQ(taille["unit"], "Go");
    EXPECT_EQ(q["parts"][0]["sections"][1]["show_if"], "p.gate == oui");
}

TEST_F(TemplateCli, ShowTextListsIds) {
    Outcome r = run({"template", "show"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("[dispositif.poste_standard]"), std::string::npos);
    EXPECT_NE(r.out.find("[maintenance]"), std::string::npos);
}

TEST_F(TemplateCli, ShowBadFileFails) {
    fs::path file = write("bad.yaml", kBadYaml);
    Outcome r = run({"template", "show", "--json", file.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(file.string() + ":17:"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
}

// ---- extensions (docs/questionnaire-format.md, "Extensions") ------------------------------------------

namespace {

fs::path example_extension() {
    return fs::path(CYB_SOURCE_DIR) / "questionnaires" / "examples" / "extension-segmentation-reseau.yaml";
}

const char* kBrokenExtension = R"Y(extension:
  extends: {questionnaire: afib, version: "2024.3"}
  version: "2024.3-chu.2"
add_questions:
  - after: dispositif.connexion_filair
    questions:
      - {id: chu.a, kind: yes_no, label: {fr: A}}
  - after: dispositif.connexion_filaire
    questions:
      - id: chu.b
        kind: yesno
        label: {fr: B}
)Y";

const char* kHospitalExtension = R"Y(extension:
  extends: {questionnaire: hopital, version: "3"}
  version: "3-chu.1"
add_questions:
  - after: p.gate
    questions:
      - {id: chu.badge, kind: yes_no, show_if: "p.gate == oui", label: {fr: "Badge ?", en: "Badge?"}}
grid:
  rules:
    - {question: chu.badge, favourable: oui, severity: minor, rationale: {fr: "Badge"}}
)Y";

}  // namespace

TEST_F(TemplateCli, CheckTheExampleExtension) {
    Outcome r = run({"template", "check", example_extension().string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_NE(r.out.find("extension de « afib » version 2024.3 → questionnaire « afib » version 2024.3-chu-exemple.1"),
              std::string::npos) << r.out;
    EXPECT_NE(r.out.find("grille « afib-grid » version 2024.3-chu-exemple.1"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("aucune erreur"), std::string::npos) << r.out;
}

TEST_F(TemplateCli, CheckABrokenExtensionGivesEachMistakeWithItsLine) {
    fs::path file = write("broken-extension.yaml", kBrokenExtension);
    Outcome r = run({"template", "check", file.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(file.string() + ":5: add_questions : question inconnue « dispositif.connexion_filair »"),
              std::string::npos) << r.err;
    EXPECT_NE(r.err.find(file.string() + ":11: question 'chu.b' : type inconnu « yesno »"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("2 erreurs dans " + file.string()), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
}

TEST_F(TemplateCli, ShowTheExampleExtension) {
    Outcome r = run({"template", "show", "--json", example_extension().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    json q = parse_stdout(r);
    EXPECT_EQ(q["version"], "2024.3-chu-exemple.1");
    std::vector<std::string> ids;
    for (const json& section : q["parts"][0]["sections"])
        for (const json& question : section["questions"]) ids.push_back(question["id"]);
    auto wired = std::find(ids.begin(), ids.end(), "dispositif.connexion_filaire");
    ASSERT_NE(wired, ids.end());
    ASSERT_NE(wired + 1, ids.end());
    EXPECT_EQ(*(wired + 1), "chu.segmentation_reseau");
}

TEST_F(TemplateCli, CheckAnExtensionOfABaseFile) {
    fs::path base = write("hopital.yaml", kGoodYaml);
    fs::path extension = write("hopital-chu.yaml", kHospitalExtension);
    Outcome r = run({"template", "check", "--base", base.string(), extension.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("extension de « hopital » version 3 → questionnaire « hopital » version 3-chu.1"),
              std::string::npos) << r.out;
    EXPECT_NE(r.out.find("grille « hopital-grid » version 3-chu.1 (1 règle)"), std::string::npos) << r.out;
    // With the base's grid, which the extension's rule joins.
    fs::path grid = write("hopital-grid.yaml",
                          "grid: {id: hopital-grille, version: \"3-1\", questionnaire: hopital, questionnaire_version: \"3\", "
                          "title: {fr: G}}\nrules:\n  - {question: p.gate, favourable: oui, severity: major, rationale: {fr: P}}\n");
    Outcome with_grid = run({"template", "check", "--base", base.string(), "--base-grid", grid.string(), extension.string()});
    EXPECT_EQ(with_grid.exit_code, 0) << with_grid.err;
    EXPECT_NE(with_grid.out.find("grille « hopital-grille » version 3-chu.1 (2 règles)"), std::string::npos) << with_grid.out;
    // The built-in definition is not its base then; a mistake in the base file is told as such.
    Outcome other = run({"template", "check", "--base", base.string(), example_extension().string()});
    EXPECT_EQ(other.exit_code, 1);
    EXPECT_NE(other.err.find(example_extension().string() + ":7: extension : questionnaire de base introuvable"),
              std::string::npos) << other.err;
    Outcome bad_base = run({"template", "check", "--base", write("bad.yaml", kBadYaml).string(), extension.string()});
    EXPECT_EQ(bad_base.exit_code, 1);
    EXPECT_NE(bad_base.err.find("bad.yaml:17:"), std::string::npos) << bad_base.err;
}

// ---- eval ------------------------------------------------------------------------------------------------

TEST_F(TemplateCli, EvalOutputHasTheDocumentedKeys) {
    json e = eval(json::object());
    for (const char* key : {"visible_sections", "visible_questions", "hidden_answered", "missing_required", "invalid"})
        EXPECT_TRUE(e[key].is_array()) << key;
    ASSERT_TRUE(e["progress"].is_object());
    for (const char* key : {"overall", "dispositif", "serveurs", "logiciels", "maintenance"}) {
        ASSERT_TRUE(e["progress"][key].is_number_integer()) << key;
        EXPECT_EQ(e["progress"][key], 0) << key;  // nothing answered yet
    }
    EXPECT_TRUE(e["hidden_answered"].empty());
    EXPECT_TRUE(e["invalid"].empty());
    EXPECT_TRUE(contains(e["missing_required"], "dispositif.designation"));
    EXPECT_TRUE(contains(e["visible_questions"], "dispositif.poste_standard"));
    EXPECT_FALSE(contains(e["visible_sections"], "dispositif.prerequis_poste"));
    EXPECT_FALSE(contains(e["visible_sections"], "dispositif.materiel_fourni"));
}

TEST_F(TemplateCli, EvalPosteNonStandard) {
    json e = eval({{"dispositif.poste_standard", "non"}});
    EXPECT_TRUE(contains(e["visible_sections"], "dispositif.materiel_fourni")) << e["visible_sections"];
    EXPECT_FALSE(contains(e["visible_sections"], "dispositif.prerequis_poste")) << e["visible_sections"];
    EXPECT_TRUE(contains(e["visible_questions"], "dispositif.materiel_denomination"));
    EXPECT_FALSE(contains(e["visible_questions"], "dispositif.ecran_taille"));
    EXPECT_FALSE(contains(e["missing_required"], "dispositif.poste_standard"));
    EXPECT_GT(e["progress"]["dispositif"].get<int>(), 0);
}

TEST_F(TemplateCli, EvalPosteStandard) {
    json e = eval({{"dispositif.poste_standard", "oui"}});
    EXPECT_TRUE(contains(e["visible_sections"], "dispositif.prerequis_poste"));
    EXPECT_FALSE(contains(e["visible_sections"], "dispositif.materiel_fourni"));
}

TEST_F(TemplateCli, EvalAcceptsBooleansForYesNo) {
    json no = eval({{"dispositif.poste_standard", false}});
    EXPECT_TRUE(contains(no["visible_sections"], "dispositif.materiel_fourni"));
    EXPECT_FALSE(contains(no["visible_sections"], "dispositif.prerequis_poste"));
    EXPECT_TRUE(no["invalid"].empty()) << no["invalid"];
    json yes = eval({{"dispositif.poste_standard", true}});
    EXPECT_TRUE(contains(yes["visible_sections"], "dispositif.prerequis_poste"));
    EXPECT_FALSE(contains(yes["visible_sections"], "dispositif.materiel_fourni"));
}

TEST_F(TemplateCli, EvalReportsHiddenAnswers) {
    json e = eval({{"dispositif.poste_standard", "non"}, {"dispositif.ecran_taille", "24"}});
    EXPECT_EQ(e["hidden_answered"], json::array({"dispositif.ecran_taille"}));
}

TEST_F(TemplateCli, EvalReportsInvalidAnswers) {
    json e = eval({{"dispositif.poste_standard", "oui"}, {"dispositif.ecran_taille", "vingt-quatre pouces"},
                   {"dispositif.inconnue", "x"}});
    ASSERT_TRUE(e["invalid"].is_array());
    const json* taille = nullptr;
    const json* inconnue = nullptr;
    for (const json& item : e["invalid"]) {
        if (item["id"] == "dispositif.ecran_taille") taille = &item;
        if (item["id"] == "dispositif.inconnue") inconnue = &item;
    }
    ASSERT_NE(taille, nullptr) << e["invalid"];
    EXPECT_FALSE((*taille)["message"].get<std::string>().empty());
    EXPECT_FALSE((*taille)["message_en"].get<std::string>().empty());
    EXPECT_NE(inconnue, nullptr) << e["invalid"];
    // The invalid answer is not counted as an answer.
    EXPECT_TRUE(contains(e["missing_required"], "dispositif.ecran_taille"));
    // The valid one is.
    EXPECT_TRUE(contains(e["visible_sections"], "dispositif.prerequis_poste"));
}

TEST_F(TemplateCli, EvalAgainstAFile) {
    fs::path yaml = write("good.yaml", kGoodYaml);
    fs::path answers = write("a.json", R"({"p.gate": "oui", "p.taille": "0,5"})");
    Outcome r = run({"template", "eval", "--answers", answers.string(), yaml.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    json e = parse_stdout(r);
    EXPECT_EQ(e["visible_sections"], json::array({"p.s", "p.suite"}));
    EXPECT_EQ(e["missing_required"], json::array({"p.taille", "p.detail"}));
    ASSERT_EQ(e["invalid"].size(), 1u);
    EXPECT_EQ(e["invalid"][0]["id"], "p.taille");  // below min 1
    EXPECT_EQ(e["progress"]["p"], 33);
    EXPECT_EQ(e["progress"]["overall"], 33);
}

TEST_F(TemplateCli, EvalMalformedAnswersFile) {
    fs::path file = write("bad.json", "{\"dispositif.poste_standard\": ");
    Outcome r = run({"template", "eval", "--answers", file.string()});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_FALSE(r.err.empty());
    EXPECT_NE(r.err.find(file.string()), std::string::npos) << r.err;
}

TEST_F(TemplateCli, EvalDeeplyNestedAnswersAreRefused) {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "{\"a\":";
    deep += "1" + std::string(100000, '}');
    fs::path file = write("deep.json", "{\"dispositif.marque\": " + deep + "}");
    Outcome r = run({"template", "eval", "--answers", file.string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("trop imbriqué"), std::string::npos) << r.err;
}

TEST_F(TemplateCli, EvalAnswersMustBeAnObject) {
    fs::path file = write("list.json", "[\"oui\"]");
    Outcome r = run({"template", "eval", "--answers", file.string()});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_FALSE(r.err.empty());
}

TEST_F(TemplateCli, EvalMissingAnswersFile) {
    Outcome r = run({"template", "eval", "--answers", (dir_ / "nope.json").string()});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("nope.json"), std::string::npos) << r.err;
}

TEST_F(TemplateCli, EvalRequiresAnswersOption) {
    Outcome r = run({"template", "eval"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("--answers"), std::string::npos) << r.err;
}

// ---- help and errors ----------------------------------------------------------------------------------

TEST_F(TemplateCli, HelpListsSubcommands) {
    Outcome r = run({"--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("template"), std::string::npos) << r.out;

    Outcome t = run({"template", "--help"});
    EXPECT_EQ(t.exit_code, 0);
    for (const char* sub : {"check", "show", "eval"}) EXPECT_NE(t.out.find(sub), std::string::npos) << t.out;
}

TEST_F(TemplateCli, UnknownSubcommandFails) {
    Outcome r = run({"frobnicate"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_FALSE(r.err.empty());
    EXPECT_EQ(r.out, "");

    Outcome t = run({"template", "frobnicate"});
    EXPECT_NE(t.exit_code, 0);
    EXPECT_FALSE(t.err.empty());
    EXPECT_EQ(t.out, "");
}

TEST_F(TemplateCli, NoSubcommandFails) {
    EXPECT_NE(run({}).exit_code, 0);
    EXPECT_NE(run({"template"}).exit_code, 0);
}

// ---- template flowchart ---------------------------------------------------------------------

// xmllint --noout: the SVG is well-formed XML.
static bool well_formed(const fs::path& file) {
    const std::string command = "xmllint --noout '" + file.string() + "' 2>/dev/null";
    return std::system(command.c_str()) == 0;
}

TEST_F(TemplateCli, FlowchartOfABuiltinPartIsAnSvgWithItsDecisions) {
    Outcome r = run({"template", "flowchart", "--part", "1"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("<?xml", 0), 0u);
    EXPECT_NE(r.out.find("<svg"), std::string::npos);
    for (const char* id : {"fc-d-dispositif.poste_standard", "fc-d-dispositif.autre_poste_necessaire",
                           "fc-d-dispositif.antivirus_etablissement", "fc-s-dispositif.materiel_fourni",
                           "fc-e-d-dispositif.poste_standard-to-s-dispositif.prerequis_poste-oui"})
        EXPECT_NE(r.out.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
    EXPECT_TRUE(well_formed(write("partie1.svg", r.out)));
    // By id, and in English.
    Outcome by_id = run({"template", "flowchart", "--part", "serveurs", "--lang", "en"});
    ASSERT_EQ(by_id.exit_code, 0) << by_id.err;
    EXPECT_NE(by_id.out.find("fc-d-serveurs.serveur_inclus"), std::string::npos);
    EXPECT_NE(by_id.out.find("Flowchart of part 2"), std::string::npos);
}

TEST_F(TemplateCli, FlowchartOfAnEditedFileShowsTheAddedDecision) {
    std::string yaml = read_whole_file(fs::path(CYB_SOURCE_DIR) / "questionnaires" / "afib.yaml");
    const std::string anchor = "      - id: logiciels.envoi_dossier_patient\n";
    ASSERT_NE(yaml.find(anchor), std::string::npos);
    yaml.insert(yaml.find(anchor),
                "      - id: logiciels.usage_nomade\n"
                "        title: {fr: \"Usage nomade\", en: \"Mobile use\"}\n"
                "        questions:\n"
                "          - {id: logiciels.terminaux_mobiles, kind: yes_no, label: {fr: \"Terminaux mobiles ?\", en: \"Mobile devices?\"}}\n"
                "      - id: logiciels.flotte_mobile\n"
                "        title: {fr: \"Gestion de la flotte mobile\", en: \"Mobile fleet management\"}\n"
                "        show_if: \"logiciels.terminaux_mobiles == oui\"\n"
                "        questions:\n"
                "          - {id: logiciels.outil_flotte, kind: text, label: {fr: \"Outil de gestion\", en: \"Management tool\"}}\n");
    const fs::path file = write("afib-hopital.yaml", yaml);
    Outcome r = run({"template", "flowchart", "--part", "3", file.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("id=\"fc-d-logiciels.terminaux_mobiles\""), std::string::npos);
    EXPECT_NE(r.out.find("id=\"fc-e-d-logiciels.terminaux_mobiles-to-s-logiciels.flotte_mobile-oui\""), std::string::npos);
    EXPECT_NE(r.out.find("Gestion de la flotte mobile"), std::string::npos);
    EXPECT_TRUE(well_formed(write("partie3.svg", r.out)));
    // The small hospital file too.
    Outcome small = run({"template", "flowchart", "--part", "p", write("hopital.yaml", kGoodYaml).string()});
    ASSERT_EQ(small.exit_code, 0) << small.err;
    EXPECT_NE(small.out.find("id=\"fc-s-p.s\""), std::string::npos);
}

TEST_F(TemplateCli, FlowchartOfAnUnknownPartOrABadFileFails) {
    Outcome unknown = run({"template", "flowchart", "--part", "9"});
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_NE(unknown.err.find("Partie inconnue"), std::string::npos) << unknown.err;
    EXPECT_NE(unknown.err.find("dispositif"), std::string::npos) << "lists the parts";
    EXPECT_TRUE(unknown.out.empty());
    Outcome bad = run({"template", "flowchart", "--part", "1", write("bad.yaml", kBadYaml).string()});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("bad.yaml"), std::string::npos) << bad.err;
    Outcome missing = run({"template", "flowchart"});
    EXPECT_NE(missing.exit_code, 0);
}
