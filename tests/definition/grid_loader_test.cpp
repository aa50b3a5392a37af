// The scoring grid loader: the built-in grid loads against the built-in questionnaire, and each
// mistake a person can make in the file is reported with its line, in French.
#include <gtest/gtest.h>

#include "definition/builtin_grid.hpp"
#include "definition/builtin_questionnaire.hpp"
#include "definition/grid_loader.hpp"

using namespace cyberachat;

namespace {

const std::string kGridHeader = R"Y(grid:
  id: test-grid
  version: "1"
  questionnaire: afib
  questionnaire_version: "2024.3"
  title: {fr: "Grille de test"}
rules:
)Y";

LoadedGrid load_rules(const std::string& rules) { return load_grid(kGridHeader + rules, "grille.yaml", *builtin_afib()); }

// All error texts, one per line, "file:line: subject : message".
std::string errors_of(const LoadedGrid& loaded) {
    std::string out;
    for (const auto& e : loaded.errors) out += e.to_string() + "\n";
    return out;
}

}  // namespace

TEST(GridLoader, BuiltinGridLoadsAndCoversTheSeedsExamples) {
    auto loaded = load_grid(builtin_afib_grid_yaml(), kBuiltinAfibGridName, *builtin_afib());
    ASSERT_TRUE(loaded.ok()) << errors_of(loaded);
    const ScoringGrid& grid = *loaded.grid;
    EXPECT_EQ(grid.questionnaire_id, "afib");
    EXPECT_GE(grid.rules.size(), 30u);
    auto severity_of = [&](const char* id) {
        const GridRule* rule = grid.find_rule(id);
        return rule ? std::string(severity_name(rule->severity)) : std::string("none");
    };
    EXPECT_EQ(severity_of("dispositif.antivirus_etablissement"), "major");
    EXPECT_EQ(severity_of("dispositif.materiel_mises_a_jour_securite"), "major");
    EXPECT_EQ(severity_of("maintenance.absence_compte_code_en_dur"), "critical");
    EXPECT_EQ(severity_of("maintenance.passerelle_securisee"), "major");
    EXPECT_EQ(severity_of("maintenance.hebergeur_agree_hds"), "critical");
    EXPECT_EQ(severity_of("maintenance.hors_territoire"), "critical");
    EXPECT_EQ(severity_of("logiciels.communications_chiffrees"), "major");
    EXPECT_EQ(severity_of("maintenance.procedure_degradee_attaque_possible"), "major");
    // Issue 14: the EU is at most major, patient safety and restoration are major, the domain is not scored.
    EXPECT_EQ(severity_of("maintenance.centre_union_europeenne"), "major");
    EXPECT_EQ(severity_of("maintenance.verrouillage_sans_desactivation_monitoring"), "major");
    EXPECT_EQ(severity_of("maintenance.modalites_restauration"), "major");
    EXPECT_EQ(severity_of("dispositif.logiciel_marquage_ce"), "major");
    EXPECT_EQ(severity_of("maintenance.tracabilite_actions"), "minor");
    EXPECT_EQ(severity_of("dispositif.integration_domaine"), "none");
    for (const GridRule& rule : grid.rules) {
        EXPECT_FALSE(rule.rationale.fr.empty()) << rule.question_id;
        EXPECT_FALSE(rule.rationale.en.empty()) << rule.question_id;
    }
    // In questionnaire order.
    for (size_t i = 1; i < grid.rules.size(); ++i) EXPECT_LT(grid.rules[i - 1].question_index, grid.rules[i].question_index);
}

TEST(GridLoader, ReadsEachKindOfTest) {
    auto loaded = load_rules(R"Y(  - question: maintenance.passerelle_securisee
    favourable: oui
    weight: 3
    severity: major
    rationale: {fr: "Passerelle", en: "Gateway"}
  - question: dispositif.classe_ce_2017_745
    favourable: [iia, iib]
    severity: minor
    rationale: "Classe"
  - question: maintenance.hors_territoire
    unfavourable_if: "maintenance.hors_territoire == oui and not answered(maintenance.preuve_hors_territoire)"
    severity: critical
    rationale: "Preuve"
  - question: logiciels.matrice_flux
    severity: major
    rationale: "Matrice"
)Y");
    ASSERT_TRUE(loaded.ok()) << errors_of(loaded);
    const GridRule* gateway = loaded.grid->find_rule("maintenance.passerelle_securisee");
    ASSERT_NE(gateway, nullptr);
    EXPECT_EQ(gateway->test, RuleTest::favourable_values);
    EXPECT_EQ(gateway->weight, 3);
    EXPECT_EQ(loaded.grid->find_rule("dispositif.classe_ce_2017_745")->weight, 1);  // default
    EXPECT_EQ(loaded.grid->find_rule("maintenance.hors_territoire")->test, RuleTest::unfavourable_if);
    EXPECT_NE(loaded.grid->find_rule("maintenance.hors_territoire")->condition, nullptr);
    EXPECT_EQ(loaded.grid->find_rule("logiciels.matrice_flux")->test, RuleTest::answered);
}

TEST(GridLoader, ReportsUnknownQuestionWithItsLine) {
    auto loaded = load_rules("  - question: maintenance.passerelle\n    favourable: oui\n    severity: major\n    rationale: x\n");
    ASSERT_FALSE(loaded.ok());
    EXPECT_NE(errors_of(loaded).find("grille.yaml:8: règle 'maintenance.passerelle' : question inconnue"), std::string::npos)
        << errors_of(loaded);
}

TEST(GridLoader, ReportsFavourableValuesThatAreNotAnswers) {
    auto yes_no = load_rules("  - question: maintenance.passerelle_securisee\n    favourable: yes\n    severity: major\n    rationale: x\n");
    EXPECT_NE(errors_of(yes_no).find("utilisez oui ou non"), std::string::npos) << errors_of(yes_no);
    auto choice = load_rules("  - question: dispositif.classe_ce_2017_745\n    favourable: [iv]\n    severity: minor\n    rationale: x\n");
    EXPECT_NE(errors_of(choice).find("« iv », qui n'est pas l'un des choix"), std::string::npos) << errors_of(choice);
    auto text = load_rules("  - question: dispositif.designation\n    favourable: oui\n    severity: minor\n    rationale: x\n");
    EXPECT_NE(errors_of(text).find("ne s'emploie qu'avec les questions oui/non"), std::string::npos) << errors_of(text);
}

TEST(GridLoader, ReportsBadConditionsSeveritiesWeightsAndDuplicates) {
    auto syntax = load_rules("  - question: maintenance.hors_territoire\n    unfavourable_if: \"maintenance.hors_territoire ==\"\n"
                       "    severity: critical\n    rationale: x\n");
    EXPECT_NE(errors_of(syntax).find("illisible"), std::string::npos) << errors_of(syntax);
    auto unknown = load_rules("  - question: maintenance.hors_territoire\n    favourable_if: \"maintenance.inconnue == oui\"\n"
                        "    severity: critical\n    rationale: x\n");
    EXPECT_NE(errors_of(unknown).find("question inconnue « maintenance.inconnue »"), std::string::npos) << errors_of(unknown);
    auto severity = load_rules("  - question: maintenance.hors_territoire\n    favourable: non\n    severity: grave\n    rationale: x\n");
    EXPECT_NE(errors_of(severity).find("gravité inconnue « grave »"), std::string::npos) << errors_of(severity);
    auto weight = load_rules("  - question: maintenance.hors_territoire\n    favourable: non\n    weight: -2\n    severity: major\n    rationale: x\n");
    EXPECT_NE(errors_of(weight).find("strictement positif"), std::string::npos) << errors_of(weight);
    auto missing = load_rules("  - question: maintenance.hors_territoire\n    favourable: non\n    severity: major\n");
    EXPECT_NE(errors_of(missing).find("rationale"), std::string::npos) << errors_of(missing);
    auto both = load_rules("  - question: maintenance.hors_territoire\n    favourable: non\n    favourable_if: \"maintenance.hors_territoire == non\"\n"
                     "    severity: major\n    rationale: x\n");
    EXPECT_NE(errors_of(both).find("une seule des clés"), std::string::npos) << errors_of(both);
    auto twice = load_rules("  - question: maintenance.hors_territoire\n    favourable: non\n    severity: major\n    rationale: x\n"
                      "  - question: maintenance.hors_territoire\n    favourable: non\n    severity: major\n    rationale: x\n");
    EXPECT_NE(errors_of(twice).find("deux règles pour la même question"), std::string::npos) << errors_of(twice);
    auto key = load_rules("  - question: maintenance.hors_territoire\n    favourable: non\n    severity: major\n    rationale: x\n    poids: 2\n");
    EXPECT_NE(errors_of(key).find("clé inconnue « poids »"), std::string::npos) << errors_of(key);
}

TEST(GridLoader, ReportsAGridForAnotherQuestionnaireOrVersion) {
    std::string text = kGridHeader + "  - question: maintenance.hors_territoire\n    favourable: non\n    severity: major\n    rationale: x\n";
    auto other = load_grid(std::string(text).replace(text.find("questionnaire: afib"), 19, "questionnaire: mds2"),
                           "grille.yaml", *builtin_afib());
    EXPECT_NE(errors_of(other).find("la grille note le questionnaire « mds2 »"), std::string::npos) << errors_of(other);
    auto version = load_grid(std::string(text).replace(text.find("\"2024.3\""), 8, "\"2023.9\""), "grille.yaml", *builtin_afib());
    EXPECT_NE(errors_of(version).find("vise la version « 2023.9 »"), std::string::npos) << errors_of(version);
    auto broken = load_grid("grid: [", "grille.yaml", *builtin_afib());
    EXPECT_NE(errors_of(broken).find("YAML invalide"), std::string::npos) << errors_of(broken);
}
