// The part flowcharts as graphs, derived from the AFIB definition: every section and decision of a
// part, the Oui/Non edges to the pages they open, the order of pages, and an edited definition.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "definition/builtin_questionnaire.hpp"
#include "definition/definition_loader.hpp"
#include "outputs/flowchart/flowchart_model.hpp"
#include "flowchart_test_support.hpp"

using namespace cyberachat;
using namespace cyberachat::flowchart;
using cyberachat::testing::edited_afib_yaml;

namespace {

size_t node(const PartFlowchart& chart, const std::string& key) {
    auto found = chart.find(key);
    EXPECT_TRUE(found.has_value()) << "no node " << key;
    return found.value_or(0);
}

bool has_edge(const PartFlowchart& chart, const std::string& from, const std::string& to, EdgeKind kind) {
    return chart.find_edge(node(chart, from), node(chart, to), kind).has_value();
}

// The targets of edges of `kind` leaving `from`.
std::set<std::string> targets(const PartFlowchart& chart, const std::string& from, EdgeKind kind) {
    std::set<std::string> out;
    const size_t f = node(chart, from);
    for (const Edge& edge : chart.edges)
        if (edge.from == f && edge.kind == kind) out.insert(chart.nodes[edge.to].key);
    return out;
}

}  // namespace

TEST(FlowchartModel, EachPartHasAllItsSectionsAndOnlyItsDecisions) {
    const Questionnaire& q = *builtin_afib();
    ASSERT_EQ(q.parts.size(), 4u);
    const std::set<std::string> expected_decisions[] = {
        {"d-dispositif.poste_standard", "d-dispositif.autre_poste_necessaire", "d-dispositif.antivirus_etablissement"},
        {"d-serveurs.serveur_inclus", "d-serveurs.antivirus_etablissement"},
        {},
        {}};
    for (size_t p = 0; p < q.parts.size(); ++p) {
        PartFlowchart chart = build_part_flowchart(q, p);
        for (const Section& section : q.parts[p].sections) EXPECT_TRUE(chart.find("s-" + section.id)) << section.id;
        EXPECT_EQ(chart.sections().size(), q.parts[p].sections.size());
        std::set<std::string> decisions;
        for (size_t d : chart.decisions()) decisions.insert(chart.nodes[d].key);
        EXPECT_EQ(decisions, expected_decisions[p]) << "part " << p + 1;
        // Every node but the entry is reached, every node but the exit leads somewhere.
        for (size_t n = 0; n < chart.nodes.size(); ++n) {
            bool in = false, out = false;
            for (const Edge& edge : chart.edges) {
                in = in || edge.to == n;
                out = out || edge.from == n;
            }
            if (n != PartFlowchart::kEntry) {
                EXPECT_TRUE(in) << chart.nodes[n].key;
            }
            if (n != PartFlowchart::kExit) {
                EXPECT_TRUE(out) << chart.nodes[n].key;
            }
        }
    }
}

TEST(FlowchartModel, PartOneFollowsTheSeedsFlowchart) {
    PartFlowchart chart = build_part_flowchart(*builtin_afib(), 0);
    EXPECT_TRUE(has_edge(chart, "entry", "s-dispositif.informations_generales", EdgeKind::next));
    EXPECT_TRUE(has_edge(chart, "s-dispositif.informations_generales", "s-dispositif.interlocuteur_installation", EdgeKind::next));
    EXPECT_TRUE(has_edge(chart, "s-dispositif.poste_informatique", "d-dispositif.poste_standard", EdgeKind::next));
    // D1: Oui → prerequisites, Non → supplied hardware.
    EXPECT_EQ(targets(chart, "d-dispositif.poste_standard", EdgeKind::yes), std::set<std::string>{"s-dispositif.prerequis_poste"});
    EXPECT_EQ(targets(chart, "d-dispositif.poste_standard", EdgeKind::no), std::set<std::string>{"s-dispositif.materiel_fourni"});
    // D2 is asked on the prerequisites page: Oui → supplied hardware, Non → connection type.
    EXPECT_TRUE(has_edge(chart, "s-dispositif.prerequis_poste", "d-dispositif.autre_poste_necessaire", EdgeKind::next));
    EXPECT_EQ(targets(chart, "d-dispositif.autre_poste_necessaire", EdgeKind::yes), std::set<std::string>{"s-dispositif.materiel_fourni"});
    EXPECT_EQ(targets(chart, "d-dispositif.autre_poste_necessaire", EdgeKind::no), std::set<std::string>{"s-dispositif.type_connexion"});
    EXPECT_EQ(targets(chart, "s-dispositif.materiel_fourni", EdgeKind::next), std::set<std::string>{"s-dispositif.type_connexion"});
    // D3: Oui → exclusions, Non → supplied protection; both end the part.
    EXPECT_TRUE(has_edge(chart, "s-dispositif.protection_antivirale", "d-dispositif.antivirus_etablissement", EdgeKind::next));
    EXPECT_EQ(targets(chart, "d-dispositif.antivirus_etablissement", EdgeKind::yes), std::set<std::string>{"s-dispositif.exclusions_antivirus"});
    EXPECT_EQ(targets(chart, "d-dispositif.antivirus_etablissement", EdgeKind::no), std::set<std::string>{"s-dispositif.protection_fournie"});
    EXPECT_TRUE(has_edge(chart, "s-dispositif.exclusions_antivirus", "exit", EdgeKind::next));
    EXPECT_TRUE(has_edge(chart, "s-dispositif.protection_fournie", "exit", EdgeKind::next));
    // No shortcut that the definition does not allow.
    EXPECT_FALSE(has_edge(chart, "s-dispositif.exclusions_antivirus", "s-dispositif.protection_fournie", EdgeKind::next));
    EXPECT_FALSE(has_edge(chart, "s-dispositif.prerequis_poste", "s-dispositif.materiel_fourni", EdgeKind::next));
}

TEST(FlowchartModel, PartTwoServerAndServerAntivirusDecisions) {
    PartFlowchart chart = build_part_flowchart(*builtin_afib(), 1);
    EXPECT_EQ(targets(chart, "d-serveurs.serveur_inclus", EdgeKind::yes), std::set<std::string>{"s-serveurs.caracteristiques_serveur"});
    EXPECT_EQ(targets(chart, "d-serveurs.serveur_inclus", EdgeKind::no), std::set<std::string>{"s-serveurs.description_generique_logiciels"});
    EXPECT_TRUE(has_edge(chart, "s-serveurs.caracteristiques_serveur", "s-serveurs.antivirus_serveur", EdgeKind::next));
    EXPECT_EQ(targets(chart, "d-serveurs.antivirus_etablissement", EdgeKind::yes), std::set<std::string>{"s-serveurs.exclusions_antivirus"});
    EXPECT_EQ(targets(chart, "d-serveurs.antivirus_etablissement", EdgeKind::no), std::set<std::string>{"s-serveurs.protection_fournie"});
    EXPECT_TRUE(has_edge(chart, "s-serveurs.exclusions_antivirus", "s-serveurs.description_generique_logiciels", EdgeKind::next));
    EXPECT_TRUE(has_edge(chart, "s-serveurs.description_generique_logiciels", "exit", EdgeKind::next));
}

TEST(FlowchartModel, PartsWithoutPageDecisionsAreASequence) {
    const Questionnaire& q = *builtin_afib();
    for (size_t p : {size_t{2}, size_t{3}}) {
        PartFlowchart chart = build_part_flowchart(q, p);
        const auto& sections = q.parts[p].sections;
        EXPECT_EQ(chart.edges.size(), sections.size() + 1);
        EXPECT_TRUE(has_edge(chart, "entry", "s-" + sections.front().id, EdgeKind::next));
        for (size_t s = 0; s + 1 < sections.size(); ++s)
            EXPECT_TRUE(has_edge(chart, "s-" + sections[s].id, "s-" + sections[s + 1].id, EdgeKind::next)) << sections[s].id;
        EXPECT_TRUE(has_edge(chart, "s-" + sections.back().id, "exit", EdgeKind::next));
    }
}

TEST(FlowchartModel, PartsByIdOrNumber) {
    const Questionnaire& q = *builtin_afib();
    EXPECT_EQ(find_part_index(q, "1"), 0u);
    EXPECT_EQ(find_part_index(q, "4"), 3u);
    EXPECT_EQ(find_part_index(q, "serveurs"), 1u);
    EXPECT_FALSE(find_part_index(q, "0"));
    EXPECT_FALSE(find_part_index(q, "5"));
    EXPECT_FALSE(find_part_index(q, "2x"));
    EXPECT_FALSE(find_part_index(q, ""));
    EXPECT_FALSE(find_part_index(q, "inconnue"));
}

TEST(FlowchartModel, AnEditedDefinitionIsDrawnWithItsNewDecision) {
    LoadedDefinition loaded = load_definition(edited_afib_yaml(), "afib-edited.yaml");
    std::string errors;
    for (const auto& e : loaded.errors) errors += e.to_string() + "\n";
    ASSERT_TRUE(loaded.ok()) << errors;
    PartFlowchart chart = build_part_flowchart(*loaded.questionnaire, 2);
    ASSERT_TRUE(chart.find("d-logiciels.terminaux_mobiles"));
    EXPECT_TRUE(has_edge(chart, "s-logiciels.description_logiciel", "s-logiciels.usage_nomade", EdgeKind::next));
    EXPECT_TRUE(has_edge(chart, "s-logiciels.usage_nomade", "d-logiciels.terminaux_mobiles", EdgeKind::next));
    EXPECT_EQ(targets(chart, "d-logiciels.terminaux_mobiles", EdgeKind::yes), std::set<std::string>{"s-logiciels.flotte_mobile"});
    EXPECT_EQ(targets(chart, "d-logiciels.terminaux_mobiles", EdgeKind::no), std::set<std::string>{"s-logiciels.envoi_dossier_patient"});
    EXPECT_TRUE(has_edge(chart, "s-logiciels.flotte_mobile", "s-logiciels.envoi_dossier_patient", EdgeKind::next));
}

TEST(FlowchartModel, ConjunctionsAndNegationsOfDecisions) {
    const std::string yaml = R"Y(questionnaire:
  id: test
  version: "1"
  title: {fr: "Test", en: "Test"}
parts:
  - id: p
    title: {fr: "Partie", en: "Part"}
    sections:
      - id: p.a
        title: {fr: "A", en: "A"}
        questions:
          - {id: p.x, kind: yes_no, label: {fr: "X ?", en: "X?"}}
          - {id: p.y, kind: yes_no, label: {fr: "Y ?", en: "Y?"}}
      - id: p.both
        title: {fr: "Les deux", en: "Both"}
        show_if: "p.x == oui and p.y == oui"
        questions:
          - {id: p.q1, kind: text, label: {fr: "Q1", en: "Q1"}}
      - id: p.not_x
        title: {fr: "Pas X", en: "Not X"}
        show_if: "not (p.x == oui)"
        questions:
          - {id: p.q2, kind: text, label: {fr: "Q2", en: "Q2"}}
)Y";
    LoadedDefinition loaded = load_definition(yaml, "test.yaml");
    std::string errors;
    for (const auto& e : loaded.errors) errors += e.to_string() + "\n";
    ASSERT_TRUE(loaded.ok()) << errors;
    PartFlowchart chart = build_part_flowchart(*loaded.questionnaire, 0);
    EXPECT_TRUE(has_edge(chart, "s-p.a", "d-p.x", EdgeKind::next));
    EXPECT_TRUE(has_edge(chart, "d-p.x", "d-p.y", EdgeKind::yes));
    EXPECT_TRUE(has_edge(chart, "d-p.x", "d-p.y", EdgeKind::no));
    EXPECT_EQ(targets(chart, "d-p.y", EdgeKind::yes), (std::set<std::string>{"s-p.both", "s-p.not_x"}));
    EXPECT_EQ(targets(chart, "d-p.y", EdgeKind::no), (std::set<std::string>{"s-p.not_x", "exit"}));
    EXPECT_TRUE(has_edge(chart, "s-p.both", "exit", EdgeKind::next));
    EXPECT_FALSE(has_edge(chart, "s-p.both", "s-p.not_x", EdgeKind::next));
}
