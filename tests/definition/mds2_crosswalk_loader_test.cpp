// The MDS2 → AFIB crosswalk loader: the built-in crosswalk loads against the AFIB questionnaire
// with the mappings issue 16 asks for, and each mistake a person can make in the file is refused
// with its line.
#include "definition/mds2_crosswalk_loader.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "definition/builtin_questionnaire.hpp"
#include "embedded_files.hpp"

using namespace cyberachat;

// Its own namespace: the unit tests are built in unity batches.
namespace mds2_crosswalk_loader_test {

namespace {

const std::string kHeader = R"Y(crosswalk:
  version: "1"
  form: "HN 1-2019"
mappings:
)Y";  // 4 lines: a mapping starts on line 5

Result<Mds2Crosswalk> load_mappings(const std::string& mappings) {
    return load_mds2_crosswalk(kHeader + mappings, *builtin_afib());
}

const Mds2Mapping* find_mapping(const Mds2Crosswalk& crosswalk, std::string_view question) {
    for (const Mds2Mapping& mapping : crosswalk.mappings)
        if (mapping.question_id == question) return &mapping;
    return nullptr;
}

}  // namespace

TEST(Mds2CrosswalkLoader, BuiltinCrosswalkLoadsWithTheRequiredMappings) {
    auto loaded = load_mds2_crosswalk(embedded::file("questionnaires/mds2-crosswalk.yaml"), *builtin_afib());
    ASSERT_TRUE(loaded.ok()) << loaded.error().message.fr;
    EXPECT_EQ(loaded->form, "HN 1-2019");
    EXPECT_FALSE(loaded->version.empty());
    EXPECT_GE(loaded->mappings.size(), 20u);

    struct Expected {
        const char* question;
        std::vector<std::string> sources;
        Mds2Transform transform;
    };
    const std::vector<Expected> required = {
        {"dispositif.fabricant", {"DOC-1"}, Mds2Transform::text},
        {"dispositif.type", {"DOC-3"}, Mds2Transform::text},
        {"dispositif.protection_propre", {"MLDP-2", "MLDP-2.1"}, Mds2Transform::all_yes},
        {"dispositif.materiel_mises_a_jour_securite", {"CSUP-2.*"}, Mds2Transform::any_yes},
        {"maintenance.annuaire_etablissement", {"PAUT-2", "AUTH-1.1"}, Mds2Transform::any_yes},
        {"maintenance.absence_compte_code_en_dur", {"PAUT-4", "PAUT-5"}, Mds2Transform::all_yes},
        {"maintenance.mots_de_passe_modifiables", {"PAUT-5", "SGUD-3.1"}, Mds2Transform::yes_no},
        {"maintenance.journaux_evenements", {"AUDT-2", "AUDT-1"}, Mds2Transform::any_yes},
        {"maintenance.tracabilite_actions", {"AUDT-*"}, Mds2Transform::notes},
        {"maintenance.prise_en_main_proposee", {"RMOT-1"}, Mds2Transform::yes_no},
        {"maintenance.contraintes_mise_en_service", {"RMOT-*"}, Mds2Transform::notes},
        {"maintenance.techniciens_sans_acces_identite", {"RMOT-1.3"}, Mds2Transform::yes_no_inverted},
        {"logiciels.communications_chiffrees", {"TXCF-2", "TXCF-2.1"}, Mds2Transform::any_yes},
        {"maintenance.modalites_restauration", {"DTBK-*"}, Mds2Transform::notes},
        {"logiciels.procedure_reinstallation", {"DTBK-5", "DTBK-2"}, Mds2Transform::notes},
        {"maintenance.verrouillage_automatique", {"ALOF-1", "ALOF-2"}, Mds2Transform::all_yes},
    };
    for (const Expected& expected : required) {
        const Mds2Mapping* mapping = find_mapping(*loaded, expected.question);
        ASSERT_NE(mapping, nullptr) << expected.question;
        EXPECT_EQ(mapping->sources, expected.sources) << expected.question;
        EXPECT_EQ(mapping->transform, expected.transform) << expected.question;
    }
    // SBOM-1 feeds no question: the software list is a table, filled by the SBOM upload itself.
    for (const Mds2Mapping& mapping : loaded->mappings) {
        EXPECT_FALSE(mapping.rationale.fr.empty()) << mapping.question_id;
        EXPECT_FALSE(mapping.rationale.en.empty()) << mapping.question_id;
        for (const std::string& source : mapping.sources) EXPECT_NE(source.rfind("SBOM-", 0), 0u) << mapping.question_id;
    }
    EXPECT_EQ(find_mapping(*loaded, "serveurs.liste_logiciels_installes"), nullptr);

    // The one the program uses is the same, loaded once.
    EXPECT_EQ(builtin_mds2_crosswalk().mappings.size(), loaded->mappings.size());
    EXPECT_EQ(&builtin_mds2_crosswalk(), &builtin_mds2_crosswalk());
}

TEST(Mds2CrosswalkLoader, ReadsAMappingWithAScalarSourceAndAFrenchOnlyRationale) {
    auto loaded = load_mappings(R"Y(  - question: maintenance.comptes_differents
    sources: AUTH-2
    transform: yes_no
    rationale: "AUTH-2 : des rôles différents."
)Y");
    ASSERT_TRUE(loaded.ok()) << loaded.error().message.fr;
    ASSERT_EQ(loaded->mappings.size(), 1u);
    EXPECT_EQ(loaded->version, "1");
    EXPECT_EQ(loaded->mappings[0].sources, std::vector<std::string>{"AUTH-2"});
    EXPECT_EQ(loaded->mappings[0].rationale.fr, "AUTH-2 : des rôles différents.");
}

// Each mistake: the mappings, then what the message must say (line included).
struct BadCrosswalk {
    const char* name;
    std::string mappings;
    std::vector<std::string> expected;
};

class Mds2CrosswalkMistakes : public ::testing::TestWithParam<BadCrosswalk> {};

TEST_P(Mds2CrosswalkMistakes, AreRefusedWithTheirLine) {
    auto loaded = load_mappings(GetParam().mappings);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, ErrorCode::invalid_value);
    const std::string& message = loaded.error().message.fr;
    for (const std::string& part : GetParam().expected) EXPECT_NE(message.find(part), std::string::npos) << message;
    EXPECT_FALSE(loaded.error().message.en.empty());
    EXPECT_TRUE(loaded.error().payload["errors"].is_array());
}

const std::string kGood = R"Y(  - question: maintenance.comptes_differents
    sources: [AUTH-2]
    transform: yes_no
    rationale: {fr: "Rôles.", en: "Roles."}
)Y";

INSTANTIATE_TEST_SUITE_P(
    Cases, Mds2CrosswalkMistakes,
    ::testing::Values(
        BadCrosswalk{"unknown_question", R"Y(  - question: dispositif.inexistante
    sources: [DOC-1]
    transform: text
    rationale: {fr: "x"}
)Y", {"mds2-crosswalk.yaml:5: correspondance 'dispositif.inexistante' : question inconnue « dispositif.inexistante »"}},
        BadCrosswalk{"transform_not_fitting_kind", R"Y(  - question: dispositif.fabricant
    sources: [DOC-1]
    transform: yes_no
    rationale: {fr: "x"}
)Y", {"mds2-crosswalk.yaml:7:", "« yes_no » ne convient pas à une question de type « text »", "possibles : text, notes"}},
        BadCrosswalk{"text_on_a_yes_no_question", R"Y(  - question: maintenance.comptes_differents
    sources: [AUTH-2]
    transform: notes
    rationale: {fr: "x"}
)Y", {"mds2-crosswalk.yaml:7:", "type « yes_no »", "possibles : yes_no, yes_no_inverted, all_yes, any_yes"}},
        BadCrosswalk{"table_question", R"Y(  - question: serveurs.liste_logiciels_installes
    sources: [SBOM-1]
    transform: notes
    rationale: {fr: "x"}
)Y", {"mds2-crosswalk.yaml:7:", "type « table »", "aucune transformation"}},
        BadCrosswalk{"unknown_transform", R"Y(  - question: maintenance.comptes_differents
    sources: [AUTH-2]
    transform: oui_non
    rationale: {fr: "x"}
)Y", {"mds2-crosswalk.yaml:7:", "transformation inconnue « oui_non »"}},
        BadCrosswalk{"bad_source", R"Y(  - question: maintenance.comptes_differents
    sources: [AUTH-2, auth-3, "AUTH-*.1", PAUT-4.*]
    transform: any_yes
    rationale: {fr: "x"}
)Y", {"mds2-crosswalk.yaml:6: correspondance 'maintenance.comptes_differents' : source « auth-3 » invalide",
      "source « AUTH-*.1 » invalide"}},
        BadCrosswalk{"repeated_source", R"Y(  - question: maintenance.comptes_differents
    sources: [AUTH-2, AUTH-2]
    transform: any_yes
    rationale: {fr: "x"}
)Y", {"mds2-crosswalk.yaml:6:", "source « AUTH-2 » donnée deux fois"}},
        BadCrosswalk{"no_sources", R"Y(  - question: maintenance.comptes_differents
    sources: []
    transform: yes_no
    rationale: {fr: "x"}
)Y", {"mds2-crosswalk.yaml:6:", "liste non vide"}},
        BadCrosswalk{"missing_rationale", R"Y(  - question: maintenance.comptes_differents
    sources: [AUTH-2]
    transform: yes_no
)Y", {"mds2-crosswalk.yaml:5:", "clé « rationale » manquante"}},
        BadCrosswalk{"english_only_rationale", R"Y(  - question: maintenance.comptes_differents
    sources: [AUTH-2]
    transform: yes_no
    rationale: {en: "Roles."}
)Y", {"mds2-crosswalk.yaml:8:", "libellé français « rationale.fr » manquant"}},
        BadCrosswalk{"unknown_key", R"Y(  - question: maintenance.comptes_differents
    source: [AUTH-2]
    transform: yes_no
    rationale: {fr: "x"}
)Y", {"mds2-crosswalk.yaml:6:", "clé inconnue « source »", "clé « sources » manquante"}},
        BadCrosswalk{"two_mappings_for_one_question", kGood + kGood,
                     {"mds2-crosswalk.yaml:9:", "deux correspondances pour la même question"}},
        BadCrosswalk{"every_mistake_reported", R"Y(  - question: dispositif.inexistante
    sources: [DOC-1]
    transform: text
    rationale: {fr: "x"}
  - question: dispositif.fabricant
    sources: [DOC-1]
    transform: any_yes
    rationale: {fr: "x"}
)Y", {"(2 erreurs)", "mds2-crosswalk.yaml:5:", "\nmds2-crosswalk.yaml:11:"}}),
    [](const ::testing::TestParamInfo<BadCrosswalk>& info) { return std::string(info.param.name); });

TEST(Mds2CrosswalkLoader, RefusesABadHeaderBadYamlAndTooLargeFiles) {
    auto no_header = load_mds2_crosswalk("mappings:\n" + kGood, *builtin_afib());
    ASSERT_FALSE(no_header.ok());
    EXPECT_NE(no_header.error().message.fr.find("mds2-crosswalk.yaml:1: section « crosswalk » manquante"), std::string::npos)
        << no_header.error().message.fr;

    auto no_form = load_mds2_crosswalk("crosswalk:\n  version: \"1\"\nmappings:\n" + kGood, *builtin_afib());
    ASSERT_FALSE(no_form.ok());
    EXPECT_NE(no_form.error().message.fr.find("mds2-crosswalk.yaml:2: crosswalk : clé « form » manquante"), std::string::npos)
        << no_form.error().message.fr;

    auto no_mappings = load_mds2_crosswalk(kHeader, *builtin_afib());
    ASSERT_FALSE(no_mappings.ok());
    EXPECT_NE(no_mappings.error().message.fr.find("« mappings » doit être une liste non vide"), std::string::npos);

    auto syntax = load_mds2_crosswalk(kHeader + "  - question: [unclosed\n", *builtin_afib());
    ASSERT_FALSE(syntax.ok());
    EXPECT_NE(syntax.error().message.fr.find("YAML invalide"), std::string::npos) << syntax.error().message.fr;

    std::string deep = kHeader + "  - question: x\n    rationale: ";
    for (int i = 0; i < 100; ++i) deep += "[";
    auto nested = load_mds2_crosswalk(deep, *builtin_afib());
    ASSERT_FALSE(nested.ok());
    EXPECT_NE(nested.error().message.fr.find("trop imbriquée"), std::string::npos) << nested.error().message.fr;

    auto large = load_mds2_crosswalk(kHeader + kGood + "# " + std::string(2 * 1024 * 1024, 'x') + "\n", *builtin_afib());
    ASSERT_FALSE(large.ok());
    EXPECT_NE(large.error().message.fr.find("fichier trop volumineux"), std::string::npos) << large.error().message.fr;
}

}  // namespace mds2_crosswalk_loader_test
