// The branching digest changes exactly when what a save's answer lists would say does: the visible
// sections and questions, the complete sections, the missing required answers, the progress.
#include "core/branching_digest.hpp"

#include <gtest/gtest.h>

#include "definition/definition_loader.hpp"

using namespace cyberachat;
using json = nlohmann::json;

namespace {

// s1: gate (yes/no), note (text, optional), detail (text, shown when gate == oui)
// s2: shown when gate == non: other (text)
std::string digest_questionnaire_yaml(const std::string& version) {
    return R"Y(
questionnaire:
  id: digest
  version: ")Y" + version + R"Y("
  title: {fr: "Empreinte de l'arborescence"}
parts:
  - id: p1
    title: {fr: "Partie 1"}
    sections:
      - id: p1.s1
        title: {fr: "S1"}
        questions:
          - id: p1.gate
            kind: yes_no
            label: {fr: "Porte"}
          - id: p1.note
            kind: text
            required: false
            label: {fr: "Remarque"}
          - id: p1.detail
            kind: text
            show_if: "p1.gate == oui"
            label: {fr: "Détail"}
      - id: p1.s2
        title: {fr: "S2"}
        show_if: "p1.gate == non"
        questions:
          - id: p1.other
            kind: text
            label: {fr: "Autre"}
)Y";
}

std::shared_ptr<const Questionnaire> load_digest_questionnaire(const std::string& version = "1") {
    LoadedDefinition loaded = load_definition(digest_questionnaire_yaml(version), "digest.yaml");
    if (!loaded.ok()) throw std::runtime_error("digest.yaml does not load");
    return loaded.questionnaire;
}

std::string digest_of(const Questionnaire& questionnaire, std::initializer_list<std::pair<const char*, json>> values) {
    AnswerSet answers;
    for (const auto& [id, value] : values) answers[id] = Answer{value, {}};
    return branching_digest(questionnaire, evaluate(questionnaire, answers));
}

}  // namespace

TEST(BranchingDigest, IsSixteenHexDigitsAndTheSameForTheSameBranching) {
    auto q = load_digest_questionnaire();
    const std::string digest = digest_of(*q, {{"p1.gate", "oui"}});
    EXPECT_EQ(digest.size(), 16u);
    EXPECT_EQ(digest.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(digest, digest_of(*q, {{"p1.gate", "oui"}}));
}

TEST(BranchingDigest, ATextRetypedOrAnOptionalAnswerLeavesItUnchanged) {
    auto q = load_digest_questionnaire();
    const std::string answered = digest_of(*q, {{"p1.gate", "oui"}, {"p1.detail", "première version"}});
    EXPECT_EQ(answered, digest_of(*q, {{"p1.gate", "oui"}, {"p1.detail", "seconde version, corrigée"}}));
    // An optional answer counts in no percentage and completes nothing that was not complete.
    EXPECT_EQ(digest_of(*q, {{"p1.gate", "non"}}), digest_of(*q, {{"p1.gate", "non"}, {"p1.note", "Rien à signaler"}}));
}

TEST(BranchingDigest, ChangesWithVisibilityCompletionMissingAnswersAndProgress) {
    auto q = load_digest_questionnaire();
    const std::string nothing = digest_of(*q, {});
    const std::string yes = digest_of(*q, {{"p1.gate", "oui"}});
    const std::string no = digest_of(*q, {{"p1.gate", "non"}});
    const std::string yes_detailed = digest_of(*q, {{"p1.gate", "oui"}, {"p1.detail", "Détaillé"}});
    EXPECT_NE(nothing, yes) << "a question shown, progress moved";
    EXPECT_NE(yes, no) << "another section shown";
    EXPECT_NE(yes, yes_detailed) << "a required answer given: the section complete, progress at 100";
    EXPECT_NE(no, digest_of(*q, {{"p1.gate", "non"}, {"p1.other", "Autre réponse"}})) << "the other section complete";
}

TEST(BranchingDigest, DiffersBetweenVersionsOfTheQuestionnaire) {
    EXPECT_NE(digest_of(*load_digest_questionnaire("1"), {{"p1.gate", "oui"}}), digest_of(*load_digest_questionnaire("2"), {{"p1.gate", "oui"}}));
}
