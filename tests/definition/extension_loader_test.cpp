// Composing a questionnaire added to the library (src/definition/extension_loader.hpp): the worked
// example of docs/questionnaire-format.md composes over the built-in AFIB definition; each mistake,
// in the overlay or in what it adds, is reported on its line in the uploaded text; the written
// YAML reads back as the same questionnaire and grid; a whole definition may carry its grid; the
// budgets hold.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "definition/builtin_definition.hpp"
#include "definition/definition_loader.hpp"
#include "definition/extension_loader.hpp"
#include "definition/grid_loader.hpp"
#include "../hospital_questionnaire.hpp"
#include "definition_description.hpp"

using namespace cyberachat;
using cyberachat::definition_testing::describe_lines;

namespace {

std::string read_source_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string example_text() {
    return read_source_file(std::string(CYB_SOURCE_DIR) + "/questionnaires/examples/extension-segmentation-reseau.yaml");
}

std::optional<QuestionnaireDefinition> builtin_finder(const std::string& id, const std::string& version) {
    QuestionnaireDefinition builtin = builtin_afib_definition();
    if (builtin.questionnaire->id != id || builtin.questionnaire->version != version) return std::nullopt;
    return builtin;
}

ComposedDefinition compose(const std::string& text) { return compose_definition(text, "ext.yaml", builtin_finder); }

std::string errors_of(const ComposedDefinition& composed) {
    std::string out;
    for (const auto& e : composed.errors) out += e.to_string() + "\n";
    return out;
}

// 1-based line of the first line of `text` holding `needle` (0: none).
int line_holding(const std::string& text, const std::string& needle) {
    const size_t at = text.find(needle);
    if (at == std::string::npos) return 0;
    return static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1;
}

ComposedDefinition compose_over_small(const std::string& text);

// The composition (over the built-in definition, or over the small one) fails with an error on
// the line holding `needle`, whose text holds `message`.
void expect_error_on(const std::string& text, const std::string& needle, const std::string& message,
                     bool over_small = false) {
    SCOPED_TRACE(needle + " → " + message);
    const ComposedDefinition composed = over_small ? compose_over_small(text) : compose(text);
    EXPECT_FALSE(composed.ok());
    EXPECT_EQ(composed.definition.questionnaire, nullptr) << "nothing is kept";
    const int line = line_holding(text, needle);
    ASSERT_GT(line, 0) << "the case's text lacks " << needle;
    const std::string prefix = "ext.yaml:" + std::to_string(line) + ": ";
    const bool found = std::any_of(composed.errors.begin(), composed.errors.end(), [&](const DefinitionError& e) {
        const std::string full = e.to_string();
        return full.rfind(prefix, 0) == 0 && full.find(message) != std::string::npos;
    });
    EXPECT_TRUE(found) << "expected on line " << line << ": " << message << "\ngot:\n" << errors_of(composed);
}

const std::string kHeader = R"Y(extension:
  extends: {questionnaire: afib, version: "2024.3"}
  version: "2024.3-test.1"
)Y";

// The small questionnaire, as a base without a grid.
const std::string kSmallBase = test_data::kHospitalQuestionnaireYaml;

const std::string kSmallGrid = R"Y(scoring_grid:
  grid:
    id: hopital-grid
    version: "3-1"
    questionnaire: hopital
    questionnaire_version: "3"
    title: {fr: "Grille de l'hôpital"}
  rules:
    - question: p.gate
      favourable: oui
      severity: major
      rationale: {fr: "La porte", en: "The gate"}
)Y";

ComposedDefinition compose_over_small(const std::string& text) {
    LoadedDefinition base = load_definition(kSmallBase, "base.yaml");
    EXPECT_TRUE(base.ok());
    return compose_definition(text, "ext.yaml", [&](const std::string& id, const std::string& version) {
        std::optional<QuestionnaireDefinition> found;
        if (id == "hopital" && version == "3") found = QuestionnaireDefinition{base.questionnaire, kSmallBase, nullptr, "", "", ""};
        return found;
    });
}

const std::string kSmallHeader = R"Y(extension:
  extends: {questionnaire: hopital, version: "3"}
  version: "3-chu.1"
)Y";

std::vector<std::string> without(std::vector<std::string> lines, const std::string& prefix) {
    std::erase_if(lines, [&](const std::string& line) { return line.rfind(prefix, 0) == 0; });
    return lines;
}

}  // namespace

// ---- the worked example --------------------------------------------------------------------------

TEST(ExtensionLoader, TheExampleComposesOverTheBuiltinDefinition) {
    const ComposedDefinition composed = compose(example_text());
    ASSERT_TRUE(composed.ok()) << errors_of(composed);
    EXPECT_TRUE(composed.extension);
    EXPECT_EQ(composed.base_questionnaire_id, "afib");
    EXPECT_EQ(composed.base_version, "2024.3");
    EXPECT_NE(composed.description.fr.find("segmentation du réseau"), std::string::npos);
    EXPECT_NE(composed.description.en.find("network segmentation"), std::string::npos);

    const Questionnaire& q = *composed.definition.questionnaire;
    EXPECT_EQ(q.id, "afib");
    EXPECT_EQ(q.version, "2024.3-chu-exemple.1");
    EXPECT_EQ(q.title.fr, "Questionnaire AFIB — CHU Exemple");
    EXPECT_EQ(q.question_count(), builtin_afib_definition().questionnaire->question_count() + 1);
    const Question* added = q.find_question("chu.segmentation_reseau");
    const Question* wired = q.find_question("dispositif.connexion_filaire");
    ASSERT_NE(added, nullptr);
    ASSERT_NE(wired, nullptr);
    EXPECT_EQ(added->index, wired->index + 1) << "right after the wired connection";
    EXPECT_EQ(added->section_index, wired->section_index);
    EXPECT_EQ(q.sections()[added->section_index]->id, "dispositif.type_connexion");
    EXPECT_EQ(added->kind, QuestionKind::yes_no);
    EXPECT_TRUE(added->required);
    EXPECT_EQ(added->show_if_text, "dispositif.connexion_filaire == oui");
    ASSERT_NE(added->show_if, nullptr);
    EXPECT_EQ(added->show_if->question_index, static_cast<int>(wired->index));
    EXPECT_EQ(added->label.fr,
              "Le dispositif peut-il être placé dans un réseau segmenté (VLAN dédié) de l'établissement ?");
    EXPECT_FALSE(added->label.en.empty());
    EXPECT_FALSE(added->help.fr.empty());

    ASSERT_NE(composed.definition.grid, nullptr);
    const ScoringGrid& grid = *composed.definition.grid;
    EXPECT_EQ(grid.id, "afib-grid");
    EXPECT_EQ(composed.definition.grid_id, "afib-grid");
    EXPECT_EQ(grid.version, "2024.3-chu-exemple.1");
    EXPECT_EQ(composed.definition.grid_version, "2024.3-chu-exemple.1");
    EXPECT_EQ(grid.questionnaire_id, "afib");
    EXPECT_EQ(grid.questionnaire_version, "2024.3-chu-exemple.1");
    EXPECT_EQ(grid.rules.size(), builtin_afib_definition().grid->rules.size() + 1);
    const GridRule* rule = grid.find_rule("chu.segmentation_reseau");
    ASSERT_NE(rule, nullptr);
    EXPECT_EQ(rule->test, RuleTest::favourable_values);
    EXPECT_EQ(rule->favourable, std::vector<std::string>{"oui"});
    EXPECT_EQ(rule->severity, Severity::major);
    EXPECT_EQ(rule->question_index, added->index);
    EXPECT_FALSE(rule->rationale.fr.empty());
    EXPECT_FALSE(rule->rationale.en.empty());
}

// Nothing of the base is lost or changed on the way (texts, conditions, choices, notes, rules):
// the composition is the base plus the question and its rule, and its YAML reads back the same.
TEST(ExtensionLoader, TheExampleIsTheBasePlusItsQuestionAndItsYamlReadsBackTheSame) {
    const ComposedDefinition composed = compose(example_text());
    ASSERT_TRUE(composed.ok()) << errors_of(composed);
    const QuestionnaireDefinition base = builtin_afib_definition();
    std::vector<std::string> lines = describe_lines(*composed.definition.questionnaire);
    std::vector<std::string> base_lines = describe_lines(*base.questionnaire);
    EXPECT_NE(lines[0], base_lines[0]);  // version and title
    EXPECT_NE(lines[0].find("2024.3-chu-exemple.1"), std::string::npos);
    lines.erase(lines.begin());
    base_lines.erase(base_lines.begin());
    EXPECT_EQ(without(lines, "question chu.segmentation_reseau "), base_lines);

    std::vector<std::string> rules = describe_lines(*composed.definition.grid);
    std::vector<std::string> base_rules = describe_lines(*base.grid);
    rules.erase(rules.begin());
    base_rules.erase(base_rules.begin());
    EXPECT_EQ(without(rules, "rule chu.segmentation_reseau "), base_rules);

    // The stored texts stand alone: load_definition and load_grid read the same models from them.
    LoadedDefinition reloaded = load_definition(composed.definition.questionnaire_yaml, "stored.yaml");
    ASSERT_TRUE(reloaded.ok());
    EXPECT_EQ(describe_lines(*reloaded.questionnaire), describe_lines(*composed.definition.questionnaire));
    LoadedGrid grid = load_grid(composed.definition.grid_yaml, "stored-grid.yaml", *reloaded.questionnaire);
    ASSERT_TRUE(grid.ok());
    EXPECT_EQ(describe_lines(*grid.grid), describe_lines(*composed.definition.grid));
    // Written for people too: the notes of several lines as `|` blocks, a comment on top.
    EXPECT_EQ(composed.definition.questionnaire_yaml.rfind("# ", 0), 0u);
    EXPECT_NE(composed.definition.questionnaire_yaml.find("fr: |"), std::string::npos);
}

// ---- what an extension may do ------------------------------------------------------------------------

TEST(ExtensionLoader, AddsSectionsAndQuestionsWhereSaid) {
    const std::string text = kHeader + R"Y(add_sections:
  - part: serveurs
    position: first
    section:
      id: chu.serveurs_intro
      title: {fr: "Serveurs : préambule", en: "Servers: foreword"}
      questions:
        - {id: chu.serveurs_virtualises, kind: yes_no, label: {fr: "Serveurs virtualisés ?"}}
  - after: dispositif.type_connexion
    section:
      id: chu.reseau
      title: {fr: "Réseau de l'établissement"}
      show_if: "dispositif.connexion_filaire == oui"
      questions:
        - {id: chu.vlan, kind: yes_no, label: {fr: "VLAN ?"}}
add_questions:
  - section: chu.reseau
    position: first
    questions:
      - {id: chu.pare_feu, kind: yes_no, label: {fr: "Pare-feu ?"}}
  - after: chu.vlan
    questions:
      - {id: chu.vlan_numero, kind: integer, show_if: "chu.vlan == oui", label: {fr: "Numéro du VLAN"}}
  - section: maintenance.rgpd_suite
    questions:
      - {id: chu.dpo_consulte, kind: yes_no, required: false, label: {fr: "DPO consulté ?"}}
)Y";
    const ComposedDefinition composed = compose(text);
    ASSERT_TRUE(composed.ok()) << errors_of(composed);
    const Questionnaire& q = *composed.definition.questionnaire;
    const Part* servers = q.find_part("serveurs");
    ASSERT_NE(servers, nullptr);
    EXPECT_EQ(servers->sections.front().id, "chu.serveurs_intro");
    const Section* network = q.find_section("chu.reseau");
    ASSERT_NE(network, nullptr);
    EXPECT_EQ(q.sections()[network->index - 1]->id, "dispositif.type_connexion");
    EXPECT_EQ(network->show_if_text, "dispositif.connexion_filaire == oui");
    ASSERT_EQ(network->questions.size(), 3u);
    EXPECT_EQ(network->questions[0].id, "chu.pare_feu");
    EXPECT_EQ(network->questions[1].id, "chu.vlan");
    EXPECT_EQ(network->questions[2].id, "chu.vlan_numero");
    EXPECT_NE(network->questions[2].show_if, nullptr);
    const Section* rgpd = q.find_section("maintenance.rgpd_suite");
    ASSERT_NE(rgpd, nullptr);
    EXPECT_EQ(rgpd->questions.back().id, "chu.dpo_consulte");
    EXPECT_FALSE(rgpd->questions.back().required);
    // No rule added: the base grid, in the new version.
    ASSERT_NE(composed.definition.grid, nullptr);
    EXPECT_EQ(composed.definition.grid->rules.size(), builtin_afib_definition().grid->rules.size());
    EXPECT_EQ(composed.definition.grid->questionnaire_version, "2024.3-test.1");
}

TEST(ExtensionLoader, ChangesQuestionsAndSectionsAndReplacesARule) {
    const std::string text = kHeader + R"Y(  title: {fr: "AFIB du CHU", en: "The hospital's AFIB"}
change_questions:
  - question: dispositif.designation
    help: {fr: "Le nom commercial exact.", en: "The exact trade name."}
  - question: dispositif.integration_domaine
    required: false
  - question: maintenance.tracabilite_actions
    hidden: true
change_sections:
  - section: dispositif.type_connexion
    note:
      fr: |
        Note du CHU.
      en: |
        The hospital's note.
grid:
  rules:
    - question: dispositif.antivirus_etablissement
      favourable: oui
      weight: 5
      severity: critical
      rationale: {fr: "Antivirus de l'établissement obligatoire au CHU."}
)Y";
    const ComposedDefinition composed = compose(text);
    ASSERT_TRUE(composed.ok()) << errors_of(composed);
    const Questionnaire& q = *composed.definition.questionnaire;
    EXPECT_EQ(q.title.en, "The hospital's AFIB");
    EXPECT_EQ(q.find_question("dispositif.designation")->help.fr, "Le nom commercial exact.");
    EXPECT_FALSE(q.find_question("dispositif.integration_domaine")->required);
    EXPECT_EQ(q.find_question("maintenance.tracabilite_actions"), nullptr) << "hidden";
    EXPECT_EQ(q.question_count(), builtin_afib_definition().questionnaire->question_count() - 1);
    EXPECT_EQ(q.find_section("dispositif.type_connexion")->note.fr, "Note du CHU.\n");
    const ScoringGrid& grid = *composed.definition.grid;
    EXPECT_EQ(grid.find_rule("maintenance.tracabilite_actions"), nullptr) << "its rule goes with it";
    EXPECT_EQ(grid.rules.size(), builtin_afib_definition().grid->rules.size() - 1) << "one replaced, one gone";
    const GridRule* antivirus = grid.find_rule("dispositif.antivirus_etablissement");
    ASSERT_NE(antivirus, nullptr);
    EXPECT_EQ(antivirus->weight, 5);
    EXPECT_EQ(antivirus->severity, Severity::critical);
    EXPECT_EQ(antivirus->test, RuleTest::favourable_values);
}

TEST(ExtensionLoader, ABaseWithoutAGridGetsOneFromTheExtensionsRules) {
    const std::string rules = R"Y(grid:
  rules:
    - question: p.gate
      favourable: oui
      severity: minor
      rationale: {fr: "La porte"}
)Y";
    const ComposedDefinition with_rules = compose_over_small(kSmallHeader + rules);
    ASSERT_TRUE(with_rules.ok()) << errors_of(with_rules);
    ASSERT_NE(with_rules.definition.grid, nullptr);
    EXPECT_EQ(with_rules.definition.grid->id, "hopital-grid");
    EXPECT_EQ(with_rules.definition.grid_version, "3-chu.1");
    EXPECT_EQ(with_rules.definition.grid->questionnaire_version, "3-chu.1");
    EXPECT_NE(with_rules.definition.grid->title.fr.find("Questionnaire de l'hôpital"), std::string::npos);
    LoadedGrid reloaded = load_grid(with_rules.definition.grid_yaml, "g.yaml", *with_rules.definition.questionnaire);
    EXPECT_TRUE(reloaded.ok());

    const ComposedDefinition without_rules = compose_over_small(kSmallHeader);
    ASSERT_TRUE(without_rules.ok()) << errors_of(without_rules);
    EXPECT_EQ(without_rules.definition.grid, nullptr);
    EXPECT_TRUE(without_rules.definition.grid_yaml.empty());
    EXPECT_EQ(without_rules.definition.questionnaire->version, "3-chu.1");
}

// ---- mistakes in the overlay, on their line ---------------------------------------------------------

TEST(ExtensionLoader, AnUnknownBaseIsOneErrorOnTheExtendsLine) {
    std::string text = kHeader + "add_questions:\n  - after: nulle.part\n    questions: [{id: chu.x, kind: text, label: x}]\n";
    text.replace(text.find("\"2024.3\""), 8, "\"2019.1\"");
    const ComposedDefinition composed = compose(text);
    ASSERT_EQ(composed.errors.size(), 1u) << errors_of(composed);
    EXPECT_EQ(composed.errors[0].line, 2);
    EXPECT_NE(composed.errors[0].message.find("« afib » en version « 2019.1 » n'est pas dans la bibliothèque"), std::string::npos)
        << errors_of(composed);
    EXPECT_TRUE(composed.extension);
    EXPECT_EQ(composed.base_version, "2019.1");
}

TEST(ExtensionLoader, HeaderMistakes) {
    expect_error_on("extension:\n  version: \"2\"\n", "version", "clé « extends » manquante");
    expect_error_on(kHeader + "  auteur: moi\n", "auteur", "clé inconnue « auteur »");
    std::string same = kHeader;
    same.replace(same.find("\"2024.3-test.1\""), 15, "\"2024.3\"");
    expect_error_on(same, "  version: \"2024.3\"", "est celle du questionnaire de base");
    expect_error_on(kHeader + "  title: {en: \"Only English\"}\n", "Only English", "libellé français « title.fr » manquant");
    expect_error_on(kHeader + "parts: []\n", "parts:", "clé inconnue « parts »");
    expect_error_on(kHeader + "add_questions: {after: x}\n", "add_questions:", "doit être une liste non vide");
}

TEST(ExtensionLoader, PlacementMistakes) {
    const std::string one_question = "    questions: [{id: chu.x, kind: yes_no, label: {fr: \"X ?\"}}]\n";
    expect_error_on(kHeader + "add_questions:\n  - after: dispositif.connexion_filair\n" + one_question,
                    "after: dispositif.connexion_filair", "question inconnue « dispositif.connexion_filair »");
    expect_error_on(kHeader + "add_questions:\n  - after: dispositif.type_connexion\n" + one_question,
                    "after: dispositif.type_connexion", "est une section : pour ajouter en tête ou à la fin d'une section, écrivez section: dispositif.type_connexion");
    expect_error_on(kHeader + "add_questions:\n  - section: dispositif.typ\n" + one_question, "section: dispositif.typ",
                    "section inconnue « dispositif.typ »");
    expect_error_on(kHeader + "add_questions:\n  - section: dispositif.type_connexion\n    position: milieu\n" + one_question,
                    "position: milieu", "« position » vaut first (en tête) ou last (à la fin)");
    expect_error_on(kHeader + "add_questions:\n  - apres: dispositif.connexion_filaire\n" + one_question,
                    "apres:", "clé inconnue « apres » (clés possibles : after, section, position, questions)");
    expect_error_on(kHeader + "add_questions:\n  - questions: [{id: chu.x, kind: yes_no, label: {fr: X}}]\n", "- questions:",
                    "indiquez où placer les questions");
    expect_error_on(kHeader + "add_questions:\n  - after: dispositif.connexion_filaire\n    questions: []\n",
                    "questions: []", "« questions » doit être une liste non vide");

    const std::string section = "    section:\n      id: chu.s\n      title: {fr: \"S\"}\n      questions: [{id: chu.q, kind: text, label: {fr: Q}}]\n";
    expect_error_on(kHeader + "add_sections:\n  - after: dispositif.connexion_filaire\n" + section,
                    "after: dispositif.connexion_filaire", "section inconnue « dispositif.connexion_filaire » (ni dans le questionnaire de base, ni ajoutée plus haut) ; « dispositif.connexion_filaire » est une question");
    expect_error_on(kHeader + "add_sections:\n  - after: serveurs\n" + section, "after: serveurs",
                    "pour placer la section à la fin d'une partie, écrivez part: serveurs");
    expect_error_on(kHeader + "add_sections:\n  - part: reseau\n" + section, "part: reseau",
                    "partie inconnue « reseau » (parties : « dispositif », « serveurs », « logiciels », « maintenance »)");
    expect_error_on(kHeader + "add_sections:\n  - part: serveurs\n    after: serveurs.architecture\n" + section, "- part: serveurs",
                    "« after » ou « part », pas les deux");
    expect_error_on(kHeader + "add_sections:\n  - part: serveurs\n", "- part: serveurs", "clé « section » manquante");
}

TEST(ExtensionLoader, AnAddedIdMayNotBeOneOfTheBase) {
    expect_error_on(kHeader + "add_questions:\n  - after: dispositif.connexion_filaire\n    questions:\n"
                              "      - id: dispositif.connexion_wifi\n        kind: yes_no\n        label: {fr: \"Wifi ?\"}\n",
                    "- id: dispositif.connexion_wifi", "question 'dispositif.connexion_wifi' : identifiant déjà employé dans le questionnaire de base");
    expect_error_on(kHeader + "add_sections:\n  - part: serveurs\n    section:\n      id: serveurs\n      title: {fr: S}\n"
                              "      questions: [{id: chu.q, kind: text, label: {fr: Q}}]\n",
                    "id: serveurs", "section 'serveurs' : identifiant déjà employé");
}

TEST(ExtensionLoader, ChangeMistakes) {
    expect_error_on(kHeader + "change_questions:\n  - question: dispositif.designatio\n    required: false\n",
                    "question: dispositif.designatio", "question inconnue « dispositif.designatio »");
    expect_error_on(kHeader + "change_questions:\n  - question: dispositif.type_connexion\n    required: false\n",
                    "question: dispositif.type_connexion", "la note d'une section se change dans change_sections");
    expect_error_on(kHeader + "change_questions:\n  - question: dispositif.designation\n    required: peut-être\n",
                    "required: peut-être", "« required » doit valoir true ou false");
    expect_error_on(kHeader + "change_questions:\n  - question: dispositif.designation\n    hidden: oui-da\n",
                    "hidden: oui-da", "« hidden » doit valoir true ou false");
    expect_error_on(kHeader + "change_questions:\n  - question: dispositif.designation\n",
                    "- question: dispositif.designation", "rien à changer");
    expect_error_on(kHeader + "change_questions:\n  - question: dispositif.designation\n    label: {fr: Nom}\n",
                    "label: {fr: Nom}", "clé inconnue « label »");
    expect_error_on(kHeader + "change_questions:\n  - question: dispositif.designation\n    required: false\n"
                              "  - question: dispositif.designation\n    help: {fr: Aide}\n",
                    "  - question: dispositif.designation\n    help", "deuxième changement de la même question");
    expect_error_on(kHeader + "change_questions:\n  - question: dispositif.designation\n    help: {de: Hilfe}\n",
                    "help: {de: Hilfe}", "langue inconnue « de »");
    expect_error_on(kHeader + "change_sections:\n  - section: dispositif.connexion_filaire\n    note: {fr: N}\n",
                    "section: dispositif.connexion_filaire", "l'aide d'une question se change dans change_questions");
    expect_error_on(kHeader + "change_sections:\n  - section: dispositif.type_connexion\n",
                    "- section: dispositif.type_connexion", "rien à changer : indiquez note");
}

TEST(ExtensionLoader, AHiddenQuestionThatIsStillCitedIsAMistakeOnItsHiddenLine) {
    // Another question's condition cites it.
    expect_error_on(kHeader + "change_questions:\n  - question: dispositif.connexion_wifi\n    hidden: true\n", "hidden: true",
                    "question 'dispositif.connexion_wifi' : ne peut pas être masquée : la condition de la question « logiciels.matrice_flux » la cite encore");
    // A rule of the base grid cites it (on another question).
    expect_error_on(kHeader + "change_questions:\n  - question: maintenance.preuve_hors_territoire\n    hidden: true\n", "hidden: true",
                    "la règle de la grille sur « maintenance.hors_territoire »");
    // A question the extension adds cites it.
    expect_error_on(kHeader + "change_questions:\n  - question: dispositif.connexion_filaire\n    hidden: true\n"
                              "add_questions:\n  - after: dispositif.integration_domaine\n    questions:\n"
                              "      - {id: chu.filaire, kind: text, show_if: \"dispositif.connexion_filaire == oui\", label: {fr: D}}\n",
                    "hidden: true",
                    "la condition de la question « chu.filaire » et la condition de la question « logiciels.matrice_flux » la citent encore");
    // A rule the extension adds on it.
    expect_error_on(kHeader + "change_questions:\n  - question: dispositif.integration_domaine\n    hidden: true\n"
                              "grid:\n  rules:\n    - question: dispositif.integration_domaine\n      favourable: non\n"
                              "      severity: minor\n      rationale: {fr: R}\n",
                    "- question: dispositif.integration_domaine\n      favourable", "est masquée par cette extension (ligne 6)");
    // Every question of a page.
    expect_error_on(kHeader + "change_questions:\n  - question: dispositif.poste_standard\n    hidden: true\n", "hidden: true",
                    "masquer toutes les questions de la section « dispositif.poste_informatique » la laisserait vide");
    expect_error_on(kSmallHeader + "change_questions:\n  - question: p.detail\n    hidden: true\n", "hidden: true",
                    "masquer toutes les questions de la section « p.suite » la laisserait vide", true);
}

TEST(ExtensionLoader, AHiddenQuestionCitedOnlyByAnotherHiddenOneGoes) {
    // chu.b's condition cites chu.a: hiding both works (nothing left cites chu.a).
    const std::string text = kSmallHeader + R"Y(add_questions:
  - after: p.taille
    questions:
      - {id: chu.a, kind: yes_no, label: {fr: A}}
      - {id: chu.b, kind: text, show_if: "chu.a == oui", label: {fr: B}}
change_questions:
  - question: chu.a
    hidden: true
  - question: chu.b
    hidden: true
)Y";
    const ComposedDefinition composed = compose_over_small(text);
    ASSERT_TRUE(composed.ok()) << errors_of(composed);
    EXPECT_EQ(composed.definition.questionnaire->find_question("chu.a"), nullptr);
    EXPECT_EQ(composed.definition.questionnaire->find_question("chu.b"), nullptr);
    EXPECT_EQ(composed.definition.questionnaire->question_count(), 3u);
}

// ---- mistakes in what the extension adds: the loaders' errors, on the extension's lines ----------------

TEST(ExtensionLoader, MistakesInAddedContentAreOnTheExtensionsLines) {
    const std::string add = kHeader + "add_questions:\n  - after: dispositif.connexion_filaire\n    questions:\n";
    expect_error_on(add + "      - id: chu.x\n        kind: yesno\n        label: {fr: X}\n", "kind: yesno",
                    "question 'chu.x' : type inconnu « yesno »");
    expect_error_on(add + "      - id: chu.x\n        kind: yes_no\n        show_if: \"dispositif.connexion_filaire == yes\"\n"
                          "        label: {fr: X}\n",
                    "show_if:", "la condition compare la question oui/non « dispositif.connexion_filaire » avec « yes »");
    expect_error_on(add + "      - id: chu.x\n        kind: yes_no\n        show_if: \"dispositif.connexion_filaire ==\"\n"
                          "        label: {fr: X}\n",
                    "show_if:", "illisible");
    expect_error_on(add + "      - id: chu.x\n        kind: yes_no\n        show_if: \"dispositif.inconnue == oui\"\n"
                          "        label: {fr: X}\n",
                    "show_if:", "dispositif.inconnue");
    expect_error_on(add + "      - id: chu.x\n        kind: yes_no\n        label: {en: X}\n", "label: {en: X}", "libellé français");
    expect_error_on(add + "      - {id: chu.x, kind: yes_no, label: {fr: X}}\n      - {id: chu.x, kind: text, label: {fr: Y}}\n",
                    "{id: chu.x, kind: text", "identifiant en double");
    expect_error_on(add + "      - {id: chu.x, kind: yes_no, show_if: \"chu.y == oui\", label: {fr: X}}\n"
                          "      - {id: chu.y, kind: yes_no, show_if: \"chu.x == oui\", label: {fr: Y}}\n",
                    "{id: chu.x", "conditions circulaires");
    expect_error_on(add + "      - {id: chu.x, kind: single_choice, label: {fr: X}}\n", "{id: chu.x", "choices");
    // In an added section.
    expect_error_on(kHeader + "add_sections:\n  - part: serveurs\n    section:\n      id: chu.s\n      title: {fr: S}\n"
                              "      questions: []\n",
                    "id: chu.s", "« questions » doit être une liste non vide");
    // In the grid's rules.
    const std::string rule = kHeader + "grid:\n  rules:\n    - question: dispositif.connexion_filaire\n";
    expect_error_on(rule + "      favourable: yes\n      severity: major\n      rationale: {fr: R}\n", "favourable: yes",
                    "règle 'dispositif.connexion_filaire' : valeur favorable « yes » impossible");
    expect_error_on(rule + "      favourable: oui\n      severity: grave\n      rationale: {fr: R}\n", "severity: grave",
                    "gravité inconnue « grave »");
    expect_error_on(kHeader + "grid:\n  rules:\n    - question: chu.inconnue\n      severity: major\n      rationale: {fr: R}\n",
                    "question: chu.inconnue", "question inconnue « chu.inconnue »");
    expect_error_on(rule + "      favourable: oui\n      severity: major\n      rationale: {fr: R}\n"
                           "    - question: dispositif.connexion_filaire\n      favourable: non\n      severity: minor\n      rationale: {fr: R}\n",
                    "    - question: dispositif.connexion_filaire\n      favourable: non", "deux règles pour la même question");
    expect_error_on(kHeader + "grid:\n  regles: []\n", "regles", "clé inconnue « regles »");
}

TEST(ExtensionLoader, AllMistakesAreReportedInLineOrder) {
    const std::string text = kHeader + R"Y(add_questions:
  - after: dispositif.inconnue
    questions: [{id: chu.a, kind: yes_no, label: {fr: A}}]
  - after: dispositif.connexion_filaire
    questions: [{id: chu.b, kind: yesno, label: {fr: B}}]
change_questions:
  - question: dispositif.designation
    required: peut-être
)Y";
    const ComposedDefinition composed = compose(text);
    ASSERT_EQ(composed.errors.size(), 3u) << errors_of(composed);
    EXPECT_EQ(composed.errors[0].line, 5);
    EXPECT_EQ(composed.errors[1].line, 8);
    EXPECT_EQ(composed.errors[2].line, 11);
}

// ---- a whole definition -------------------------------------------------------------------------------

TEST(ExtensionLoader, AWholeDefinitionIsKeptAsWritten) {
    const std::string text = "# Mon questionnaire\n" + kSmallBase;
    const ComposedDefinition composed = compose(text);
    ASSERT_TRUE(composed.ok()) << errors_of(composed);
    EXPECT_FALSE(composed.extension);
    EXPECT_EQ(composed.definition.questionnaire_yaml, text);
    EXPECT_EQ(composed.definition.questionnaire->id, "hopital");
    EXPECT_EQ(composed.definition.grid, nullptr);
    // Its mistakes as load_definition gives them.
    std::string bad = kSmallBase;
    bad.replace(bad.find("kind: number"), 12, "kind: nombre");
    expect_error_on(bad, "kind: nombre", "question 'p.taille' : type inconnu « nombre »");
}

TEST(ExtensionLoader, AWholeDefinitionMayCarryItsGrid) {
    const ComposedDefinition composed = compose(kSmallBase + kSmallGrid);
    ASSERT_TRUE(composed.ok()) << errors_of(composed);
    ASSERT_NE(composed.definition.grid, nullptr);
    EXPECT_EQ(composed.definition.grid_id, "hopital-grid");
    EXPECT_EQ(composed.definition.grid_version, "3-1");
    EXPECT_NE(composed.definition.grid->find_rule("p.gate"), nullptr);
    // Two texts that stand alone.
    EXPECT_EQ(composed.definition.questionnaire_yaml.find("\nscoring_grid:"), std::string::npos);
    EXPECT_NE(composed.definition.grid_yaml.find("\nrules:"), std::string::npos);
    LoadedDefinition questionnaire = load_definition(composed.definition.questionnaire_yaml, "q.yaml");
    ASSERT_TRUE(questionnaire.ok());
    EXPECT_EQ(describe_lines(*questionnaire.questionnaire), describe_lines(*load_definition(kSmallBase, "b.yaml").questionnaire));
    LoadedGrid grid = load_grid(composed.definition.grid_yaml, "g.yaml", *questionnaire.questionnaire);
    ASSERT_TRUE(grid.ok());
    EXPECT_EQ(describe_lines(*grid.grid), describe_lines(*composed.definition.grid));

    // The grid's mistakes on their lines of the one file.
    std::string other_version = kSmallBase + kSmallGrid;
    other_version.replace(other_version.find("questionnaire_version: \"3\""), 26, "questionnaire_version: \"2\"");
    expect_error_on(other_version, "questionnaire_version: \"2\"", "la grille vise la version « 2 » du questionnaire");
    std::string bad_rule = kSmallBase + kSmallGrid;
    bad_rule.replace(bad_rule.find("favourable: oui"), 15, "favourable: peut-être");
    expect_error_on(bad_rule, "favourable: peut-être", "règle 'p.gate' : valeur favorable « peut-être »");
    expect_error_on(kSmallBase + "scoring_grid: [1, 2]\n", "scoring_grid:", "un dictionnaire (clé: valeur) est attendu");
}

// ---- budgets ------------------------------------------------------------------------------------

TEST(ExtensionLoader, ATextOverTwoMebibytesIsRefused) {
    std::string text = kHeader + "# " + std::string(kMaxComposedDefinitionBytes, 'x') + "\n";
    const ComposedDefinition composed = compose(text);
    ASSERT_EQ(composed.errors.size(), 1u) << errors_of(composed).substr(0, 500);
    EXPECT_NE(composed.errors[0].message.find("fichier trop volumineux : 2 Mo au plus"), std::string::npos);
    // Just under is read.
    std::string padded = example_text();
    padded += "# " + std::string(kMaxComposedDefinitionBytes - padded.size() - 3, 'x') + "\n";
    ASSERT_EQ(padded.size(), kMaxComposedDefinitionBytes);
    EXPECT_TRUE(compose(padded).ok());
}

TEST(ExtensionLoader, DeepNestingIsRefusedBeforeParsingWithItsLine) {
    // Flow brackets, block indentation, and dashes on one line: each 100,000 deep.
    const std::string brackets = kHeader + "add_questions: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
    std::string indented = kHeader + "add_questions:\n";
    for (int i = 0; i < 70; ++i) indented += std::string(2 + 2 * static_cast<size_t>(i), ' ') + "k" + std::to_string(i) + ":\n";
    std::string dashes = kHeader + "add_questions:\n  ";
    for (int i = 0; i < 100000; ++i) dashes += "- ";
    dashes += "x\n";
    for (const std::string* text : std::vector<const std::string*>{&brackets, &indented, &dashes}) {
        const ComposedDefinition composed = compose(*text);
        ASSERT_EQ(composed.errors.size(), 1u) << errors_of(composed).substr(0, 500);
        EXPECT_NE(composed.errors[0].message.find("structure trop imbriquée : 64 niveaux"), std::string::npos)
            << errors_of(composed);
        EXPECT_GE(composed.errors[0].line, 4);
    }
    // 40 levels: under the text's budget, over the tree's.
    std::string forty = kHeader + "add_questions:\n";
    for (int i = 0; i < 40; ++i) forty += std::string(2 + 2 * static_cast<size_t>(i), ' ') + "k" + std::to_string(i) + ":\n";
    const ComposedDefinition composed = compose(forty);
    ASSERT_FALSE(composed.ok());
    EXPECT_NE(errors_of(composed).find("structure trop imbriquée : 32 niveaux"), std::string::npos) << errors_of(composed);
}

TEST(ExtensionLoader, ABillionLaughsIsRefused) {
    std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
        std::string items;
        for (int i = 0; i < 10; ++i) items += std::string(i ? ", *" : "*") + static_cast<char>(c - 1);
        text += std::string(1, c) + ": &" + std::string(1, c) + " [" + items + "]\n";
    }
    const ComposedDefinition composed = compose(text);
    ASSERT_FALSE(composed.ok());
    EXPECT_NE(errors_of(composed).find("document trop grand"), std::string::npos) << errors_of(composed);
}

TEST(ExtensionLoader, OddTextsAreErrorsNeverCrashes) {
    for (const char* text : {"", "hello", "- a\n- b\n", "extension: 3\n", "extension:\n  extends: [afib]\n",
                             "extension:\n  extends: {questionnaire: afib, version: \"2024.3\"}\n",
                             "extension: {extends: {questionnaire: afib, version: \"2024.3\"}, version: \"x\"}\nadd_sections: [3]\n",
                             "extension: {extends: {questionnaire: afib, version: \"2024.3\"}, version: \"x\"}\nadd_questions: [{after: [a], questions: [1]}]\n",
                             "extension: {extends: {questionnaire: afib, version: \"2024.3\"}, version: \"x\"}\nchange_questions: [{question: {a: b}}]\n",
                             "extension: {extends: {questionnaire: afib, version: \"2024.3\"}, version: \"\"}\n",
                             "extension: {extends: {questionnaire: afib, version: \"2024.3\"}, version: \"x\"}\ngrid: {rules: [3, {question: [x]}]}\n",
                             "? [a]\n: b\n", "extension:\n  extends: {questionnaire: afib, version: \"2024.3\"\n"}) {
        const ComposedDefinition composed = compose(text);
        EXPECT_FALSE(composed.ok()) << text;
        EXPECT_FALSE(composed.errors.empty()) << text;
    }
}
