// The branching engine on small questionnaires: visibility, cascades, hidden answers, required
// answers and progress.
#include "core/engine.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "definition/definition_loader.hpp"

using namespace cyberachat;
using json = nlohmann::json;

namespace {

std::shared_ptr<const Questionnaire> load(const std::string& yaml) {
    LoadedDefinition loaded = load_definition(yaml, "test.yaml");
    std::string errors;
    for (const auto& error : loaded.errors) errors += error.to_string() + "\n";
    EXPECT_TRUE(loaded.ok()) << errors;
    if (!loaded.ok()) throw std::runtime_error("test questionnaire does not load:\n" + errors);
    return loaded.questionnaire;
}

AnswerSet answers(std::initializer_list<std::pair<const char*, json>> values) {
    AnswerSet set;
    for (const auto& [id, value] : values) set[id] = Answer{value, {}};
    return set;
}

const std::string kHeader = R"Y(
questionnaire:
  id: test
  version: "1"
  title: {fr: "Test", en: "Test"}
)Y";

// p1: s1 (gate yes/no, detail gated by gate == oui, always)
//     s2 shown when p1.gate == oui: p1.s2_a, p1.s2_b (required: false), p1.s2_c gated by p1.s2_a == oui
//     s3 shown when p1.gate == non: p1.s3_a
// p2: s4 shown when p1.s2_a == oui (a cascade through a page): p2.s4_a
//     s5: p2.n (number), p2.n_big (p2.n == 3), p2.n_dec (p2.n == 2,5), p2.n_ne (p2.n != 3)
// p3: s6 shown when p1.gate == non: p3.only (a part that may have nothing visible)
const std::string kBranching = kHeader + R"Y(
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
          - id: p1.detail
            kind: text
            show_if: "p1.gate == oui"
            label: {fr: "Détail"}
          - id: p1.always
            kind: text
            label: {fr: "Toujours"}
      - id: p1.s2
        title: {fr: "S2"}
        show_if: "p1.gate == oui"
        questions:
          - id: p1.s2_a
            kind: yes_no
            label: {fr: "S2 A"}
          - id: p1.s2_b
            kind: text
            required: false
            label: {fr: "S2 B"}
          - id: p1.s2_c
            kind: text
            show_if: "p1.s2_a == oui"
            label: {fr: "S2 C"}
      - id: p1.s3
        title: {fr: "S3"}
        show_if: "p1.gate == non"
        questions:
          - id: p1.s3_a
            kind: text
            label: {fr: "S3 A"}
  - id: p2
    title: {fr: "Partie 2"}
    sections:
      - id: p2.s4
        title: {fr: "S4"}
        show_if: "p1.s2_a == oui"
        questions:
          - id: p2.s4_a
            kind: text
            label: {fr: "S4 A"}
      - id: p2.s5
        title: {fr: "S5"}
        questions:
          - id: p2.n
            kind: number
            label: {fr: "N"}
          - id: p2.n_big
            kind: text
            required: false
            show_if: "p2.n == 3"
            label: {fr: "N = 3"}
          - id: p2.n_dec
            kind: text
            required: false
            show_if: "p2.n == 2,5"
            label: {fr: "N = 2,5"}
          - id: p2.n_ne
            kind: text
            required: false
            show_if: "p2.n != 3"
            label: {fr: "N ≠ 3"}
  - id: p3
    title: {fr: "Partie 3"}
    sections:
      - id: p3.s6
        title: {fr: "S6"}
        show_if: "p1.gate == non"
        questions:
          - id: p3.only
            kind: text
            label: {fr: "Seule"}
)Y";

class EngineTest : public ::testing::Test {
protected:
    void SetUp() override { q = load(kBranching); }

    Evaluation eval(const AnswerSet& set) const { return evaluate(*q, set); }

    bool section_visible(const Evaluation& e, const std::string& id) const {
        const Section* s = q->find_section(id);
        if (!s) throw std::runtime_error("no section " + id);
        return e.is_visible(*s);
    }
    bool question_visible(const Evaluation& e, const std::string& id) const {
        const Question* question = q->find_question(id);
        if (!question) throw std::runtime_error("no question " + id);
        return e.is_visible(*question);
    }
    std::vector<std::string> ids(const std::vector<size_t>& indexes) const {
        std::vector<std::string> out;
        for (size_t i : indexes) out.push_back(q->questions()[i]->id);
        return out;
    }
    const Progress& part(const Evaluation& e, const std::string& id) const {
        const Part* p = q->find_part(id);
        if (!p) throw std::runtime_error("no part " + id);
        return e.parts.at(p->index);
    }

    std::shared_ptr<const Questionnaire> q;
};

}  // namespace

// ---- visibility --------------------------------------------------------------------------------

TEST_F(EngineTest, NoAnswersShowsOnlyUnconditionalPages) {
    Evaluation e = eval({});
    EXPECT_TRUE(section_visible(e, "p1.s1"));
    EXPECT_FALSE(section_visible(e, "p1.s2"));
    EXPECT_FALSE(section_visible(e, "p1.s3"));
    EXPECT_FALSE(section_visible(e, "p2.s4"));
    EXPECT_TRUE(section_visible(e, "p2.s5"));
    EXPECT_FALSE(section_visible(e, "p3.s6"));

    EXPECT_TRUE(question_visible(e, "p1.gate"));
    EXPECT_FALSE(question_visible(e, "p1.detail"));
    EXPECT_TRUE(question_visible(e, "p1.always"));
    EXPECT_FALSE(question_visible(e, "p1.s2_a"));
    EXPECT_FALSE(question_visible(e, "p1.s3_a"));
    EXPECT_TRUE(question_visible(e, "p2.n"));
    EXPECT_FALSE(question_visible(e, "p2.n_big"));
    EXPECT_FALSE(question_visible(e, "p2.n_dec"));
    EXPECT_TRUE(question_visible(e, "p2.n_ne"));  // != on an unanswered question is true
}

TEST_F(EngineTest, SectionConditionShowsPageAndItsQuestions) {
    Evaluation e = eval(answers({{"p1.gate", "oui"}}));
    EXPECT_TRUE(section_visible(e, "p1.s2"));
    EXPECT_FALSE(section_visible(e, "p1.s3"));
    EXPECT_TRUE(question_visible(e, "p1.detail"));
    EXPECT_TRUE(question_visible(e, "p1.s2_a"));
    EXPECT_TRUE(question_visible(e, "p1.s2_b"));
    EXPECT_FALSE(question_visible(e, "p1.s2_c"));  // its own condition is not met
    EXPECT_FALSE(question_visible(e, "p1.s3_a"));
}

TEST_F(EngineTest, OtherBranch) {
    Evaluation e = eval(answers({{"p1.gate", "non"}}));
    EXPECT_FALSE(section_visible(e, "p1.s2"));
    EXPECT_TRUE(section_visible(e, "p1.s3"));
    EXPECT_TRUE(section_visible(e, "p3.s6"));
    EXPECT_FALSE(question_visible(e, "p1.detail"));
    EXPECT_TRUE(question_visible(e, "p1.s3_a"));
}

TEST_F(EngineTest, QuestionConditionAddsToItsSection) {
    Evaluation e = eval(answers({{"p1.gate", "oui"}, {"p1.s2_a", "oui"}}));
    EXPECT_TRUE(question_visible(e, "p1.s2_c"));
    EXPECT_TRUE(section_visible(e, "p2.s4"));  // a page in another part gated by p1.s2_a
    EXPECT_TRUE(question_visible(e, "p2.s4_a"));
}

TEST_F(EngineTest, BooleanAnswerComparesAsOuiNon) {
    // Canonical answers are "oui"/"non", but a raw boolean must not read as unanswered or wrong.
    Evaluation e = eval(answers({{"p1.gate", true}}));
    EXPECT_TRUE(section_visible(e, "p1.s2"));
    EXPECT_FALSE(section_visible(e, "p1.s3"));
    Evaluation f = eval(answers({{"p1.gate", false}}));
    EXPECT_FALSE(section_visible(f, "p1.s2"));
    EXPECT_TRUE(section_visible(f, "p1.s3"));
}

// ---- cascades and hidden answers ---------------------------------------------------------------

TEST_F(EngineTest, HiddenGateHidesDependentsEvenWhenTheGateHasAnAnswer) {
    // p1.s2_a is answered "oui" but its page is closed by p1.gate == non: everything that depends
    // on p1.s2_a closes too (question p1.s2_c and page p2.s4 in another part).
    Evaluation e = eval(answers({{"p1.gate", "non"}, {"p1.s2_a", "oui"}, {"p1.s2_c", "texte"}, {"p2.s4_a", "x"}}));
    EXPECT_FALSE(question_visible(e, "p1.s2_a"));
    EXPECT_FALSE(question_visible(e, "p1.s2_c"));
    EXPECT_FALSE(section_visible(e, "p2.s4"));
    EXPECT_FALSE(question_visible(e, "p2.s4_a"));
}

TEST_F(EngineTest, HiddenAnswersAreKeptAndReportedInQuestionnaireOrder) {
    AnswerSet set = answers({{"p2.s4_a", "x"}, {"p1.gate", "non"}, {"p1.s2_c", "texte"}, {"p1.s2_a", "oui"},
                             {"p1.detail", "d"}, {"p1.always", "a"}});
    Evaluation e = eval(set);
    EXPECT_EQ(ids(e.hidden_answered),
              (std::vector<std::string>{"p1.detail", "p1.s2_a", "p1.s2_c", "p2.s4_a"}));
    // Nothing is deleted: the answer set is untouched, answered flags still say "has a value".
    EXPECT_EQ(set.size(), 6u);
    EXPECT_TRUE(e.question_answered[q->find_question("p1.s2_c")->index]);
    EXPECT_FALSE(e.question_visible[q->find_question("p1.s2_c")->index]);
}

TEST_F(EngineTest, HiddenAnswersShowAgainWhenTheBranchReopens) {
    AnswerSet set = answers({{"p1.gate", "non"}, {"p1.s2_a", "oui"}, {"p1.s2_c", "texte"}});
    EXPECT_EQ(eval(set).hidden_answered.size(), 2u);
    set["p1.gate"].value = "oui";
    Evaluation e = eval(set);
    EXPECT_TRUE(e.hidden_answered.empty());
    EXPECT_TRUE(question_visible(e, "p1.s2_c"));
    EXPECT_TRUE(section_visible(e, "p2.s4"));
}

TEST_F(EngineTest, NotEqualsOnHiddenAnsweredQuestionIsTrue) {
    // p2.n is visible; make a hidden number by using a dedicated questionnaire.
    auto hidden = load(kHeader + R"Y(
parts:
  - id: p
    title: {fr: "P"}
    sections:
      - id: p.s
        title: {fr: "S"}
        questions:
          - id: p.gate
            kind: yes_no
            label: {fr: "Porte"}
          - id: p.value
            kind: yes_no
            show_if: "p.gate == oui"
            label: {fr: "Valeur"}
          - id: p.ne
            kind: text
            show_if: "p.value != oui"
            label: {fr: "≠"}
          - id: p.eq
            kind: text
            show_if: "p.value == oui"
            label: {fr: "="}
          - id: p.answered
            kind: text
            show_if: "answered(p.value)"
            label: {fr: "answered"}
)Y");
    Evaluation e = evaluate(*hidden, answers({{"p.gate", "non"}, {"p.value", "oui"}}));
    EXPECT_FALSE(e.is_visible(*hidden->find_question("p.value")));
    EXPECT_TRUE(e.is_visible(*hidden->find_question("p.ne")));   // hidden value: no value, != is true
    EXPECT_FALSE(e.is_visible(*hidden->find_question("p.eq")));  // == is false
    EXPECT_FALSE(e.is_visible(*hidden->find_question("p.answered")));

    Evaluation f = evaluate(*hidden, answers({{"p.gate", "oui"}, {"p.value", "oui"}}));
    EXPECT_FALSE(f.is_visible(*hidden->find_question("p.ne")));
    EXPECT_TRUE(f.is_visible(*hidden->find_question("p.eq")));
    EXPECT_TRUE(f.is_visible(*hidden->find_question("p.answered")));
}

TEST_F(EngineTest, EmptyValuesAreNotAnswers) {
    Evaluation e = eval(answers({{"p1.gate", ""}, {"p1.always", nullptr}, {"p2.n", json::array()}}));
    EXPECT_FALSE(section_visible(e, "p1.s2"));
    EXPECT_FALSE(section_visible(e, "p1.s3"));
    EXPECT_FALSE(e.question_answered[q->find_question("p1.gate")->index]);
    EXPECT_FALSE(e.question_answered[q->find_question("p1.always")->index]);
    EXPECT_TRUE(question_visible(e, "p2.n_ne"));
    EXPECT_EQ(part(e, "p1").answered, 0u);
}

TEST_F(EngineTest, AnswersToUnknownQuestionsAreIgnored) {
    Evaluation e = eval(answers({{"nope.unknown", "oui"}, {"p1.gate", "oui"}}));
    EXPECT_TRUE(section_visible(e, "p1.s2"));
    EXPECT_TRUE(e.hidden_answered.empty());
    EXPECT_EQ(part(e, "p1").answered, 1u);
}

// ---- required answers --------------------------------------------------------------------------

TEST_F(EngineTest, MissingRequiredOnlyForVisibleRequiredQuestions) {
    Evaluation e = eval(answers({{"p1.gate", "oui"}, {"p1.always", "a"}}));
    // visible: gate (answered), detail, always (answered), s2_a, s2_b (optional), n, n_ne (optional)
    EXPECT_EQ(ids(e.missing_required), (std::vector<std::string>{"p1.detail", "p1.s2_a", "p2.n"}));
    EXPECT_FALSE(e.is_complete());
}

TEST_F(EngineTest, CompleteWhenEveryVisibleRequiredQuestionIsAnswered) {
    Evaluation e = eval(answers({{"p1.gate", "non"}, {"p1.always", "a"}, {"p1.s3_a", "b"}, {"p3.only", "c"}, {"p2.n", 1}}));
    EXPECT_TRUE(e.missing_required.empty()) << testing::PrintToString(ids(e.missing_required));
    EXPECT_TRUE(e.is_complete());
}

TEST_F(EngineTest, HiddenRequiredQuestionIsNeverMissing) {
    Evaluation e = eval({});
    auto missing = ids(e.missing_required);
    EXPECT_EQ(std::count(missing.begin(), missing.end(), "p1.s2_a"), 0);
    EXPECT_EQ(std::count(missing.begin(), missing.end(), "p1.detail"), 0);
    EXPECT_EQ(std::count(missing.begin(), missing.end(), "p3.only"), 0);
    EXPECT_EQ(missing, (std::vector<std::string>{"p1.gate", "p1.always", "p2.n"}));
}

TEST_F(EngineTest, SectionStateCounts) {
    Evaluation e = eval(answers({{"p1.gate", "oui"}, {"p1.s2_b", "b"}}));
    const SectionState& s2 = e.sections[q->find_section("p1.s2")->index];
    EXPECT_TRUE(s2.visible);
    EXPECT_EQ(s2.visible_questions, 2u);   // s2_a, s2_b (s2_c hidden)
    EXPECT_EQ(s2.answered_questions, 1u);  // s2_b
    EXPECT_EQ(s2.missing_required, 1u);    // s2_a
    EXPECT_FALSE(s2.complete());
    const SectionState& s3 = e.sections[q->find_section("p1.s3")->index];
    EXPECT_FALSE(s3.visible);
    EXPECT_EQ(s3.visible_questions, 0u);
    EXPECT_FALSE(s3.complete());  // a hidden page is not "complete"
}

// ---- progress ------------------------------------------------------------------------------------

TEST_F(EngineTest, ProgressPerPartRoundsDown) {
    // p1 visible: gate, always (2) → 1 answered = 50; p2 visible: n, n_ne → 0 answered
    Evaluation e = eval(answers({{"p1.always", "a"}}));
    EXPECT_EQ(part(e, "p1").visible, 2u);
    EXPECT_EQ(part(e, "p1").answered, 1u);
    EXPECT_EQ(part(e, "p1").percent(), 50);
    EXPECT_EQ(part(e, "p2").percent(), 0);

    // p1 visible: gate, detail, always, s2_a, s2_b (optional) = 5, 4 required, 2 of them answered → 50
    // p2 visible: n, n_ne (optional) → 0 of 1 required;  overall 2 / 5 required = 40
    Evaluation f = eval(answers({{"p1.gate", "oui"}, {"p1.always", "a"}}));
    EXPECT_EQ(part(f, "p1").visible, 5u);
    EXPECT_EQ(part(f, "p1").required_visible, 4u);
    EXPECT_EQ(part(f, "p1").percent(), 50);
    EXPECT_EQ(f.overall.visible, 7u);
    EXPECT_EQ(f.overall.answered, 2u);
    EXPECT_EQ(f.overall.required_visible, 5u);
    EXPECT_EQ(f.overall.percent(), 40);

    // p1: the 4 required answered → 100 (s2_b, optional, left); p2: n answered (n_ne, optional, left) → 100
    Evaluation g = eval(answers({{"p1.gate", "oui"}, {"p1.always", "a"}, {"p1.detail", "d"}, {"p1.s2_a", "non"}, {"p2.n", 1}}));
    EXPECT_EQ(part(g, "p1").percent(), 100);
    EXPECT_EQ(part(g, "p1").optional_visible(), 1u);
    EXPECT_EQ(part(g, "p1").optional_answered(), 0u);
    EXPECT_EQ(part(g, "p2").percent(), 100);
    EXPECT_EQ(g.overall.percent(), 100);
    EXPECT_TRUE(g.is_complete());
    // Without p1.detail: 3 of p1's 4 required → 75, overall 4 / 5 = 80.
    Evaluation h = eval(answers({{"p1.gate", "oui"}, {"p1.always", "a"}, {"p1.s2_a", "non"}, {"p2.n", 1}}));
    EXPECT_EQ(part(h, "p1").percent(), 75);
    EXPECT_EQ(h.overall.percent(), 80);
}

TEST_F(EngineTest, TwoThirdsRoundsDownTo66) {
    // p2 visible with n == 3: n, n_big (n_ne hidden) → answer n and n_big: 100; answer n only: 50.
    // p1 with gate non: gate, always, s3_a = 3 visible.
    Evaluation e = eval(answers({{"p1.gate", "non"}, {"p1.always", "a"}}));
    EXPECT_EQ(part(e, "p1").visible, 3u);
    EXPECT_EQ(part(e, "p1").percent(), 66);
    Evaluation f = eval(answers({{"p1.gate", "non"}}));
    EXPECT_EQ(part(f, "p1").percent(), 33);
}

TEST_F(EngineTest, OneHundredPercentExactlyWhenNothingRequiredIsMissing) {
    // Every visible required question answered, the optional one not: 100 %, and complete.
    Evaluation e = eval(answers({{"p1.gate", "oui"}, {"p1.always", "a"}, {"p1.detail", "d"}, {"p1.s2_a", "non"},
                                 {"p2.n", 1}, {"p2.n_ne", 2}}));
    EXPECT_TRUE(e.is_complete());
    EXPECT_EQ(e.overall.percent(), 100);
    EXPECT_EQ(e.overall.optional_visible() - e.overall.optional_answered(), 1u);
    // One required answer short: below 100 (rounded down), never "100 %" beside a missing answer.
    Evaluation f = eval(answers({{"p1.gate", "oui"}, {"p1.always", "a"}, {"p1.s2_a", "non"}, {"p2.n", 1}, {"p2.n_ne", 2}}));
    EXPECT_FALSE(f.is_complete());
    EXPECT_LT(f.overall.percent(), 100);
}

TEST_F(EngineTest, PartWithNothingVisibleIs100) {
    Evaluation e = eval({});
    EXPECT_EQ(part(e, "p3").visible, 0u);
    EXPECT_EQ(part(e, "p3").percent(), 100);
    EXPECT_EQ(Progress{}.percent(), 100);
}

TEST_F(EngineTest, HiddenAnswersDoNotCountInProgress) {
    Evaluation e = eval(answers({{"p1.gate", "non"}, {"p1.s2_a", "oui"}, {"p1.s2_b", "b"}, {"p1.detail", "d"}}));
    // p1 visible: gate, always, s3_a; answered: gate only
    EXPECT_EQ(part(e, "p1").visible, 3u);
    EXPECT_EQ(part(e, "p1").answered, 1u);
    EXPECT_EQ(part(e, "p1").percent(), 33);
}

TEST_F(EngineTest, OverallIsTheSumOfParts) {
    Evaluation e = eval(answers({{"p1.gate", "non"}, {"p1.always", "a"}, {"p1.s3_a", "b"}, {"p3.only", "c"}, {"p2.n", 3}}));
    size_t visible = 0, answered = 0, required = 0;
    for (const Progress& p : e.parts) {
        visible += p.visible;
        answered += p.answered;
        required += p.required_visible;
    }
    EXPECT_EQ(e.overall.visible, visible);
    EXPECT_EQ(e.overall.answered, answered);
    EXPECT_EQ(e.overall.required_visible, required);
    // p1: 3/3, p2: n and n_big (optional) visible (n == 3) → 1/1 required, p3: 1/1 → overall 5/5;
    // of the 6 visible questions 5 are answered, the optional n_big not.
    EXPECT_EQ(part(e, "p2").visible, 2u);
    EXPECT_EQ(e.overall.percent(), 100);
    EXPECT_EQ(e.overall.optional_visible(), 1u);
    EXPECT_EQ(e.overall.optional_answered(), 0u);
}

// ---- comparisons ----------------------------------------------------------------------------------

TEST_F(EngineTest, NumberEquality) {
    Evaluation e = eval(answers({{"p2.n", 3}}));
    EXPECT_TRUE(question_visible(e, "p2.n_big"));
    EXPECT_FALSE(question_visible(e, "p2.n_dec"));
    EXPECT_FALSE(question_visible(e, "p2.n_ne"));

    Evaluation f = eval(answers({{"p2.n", 3.0}}));
    EXPECT_TRUE(question_visible(f, "p2.n_big"));

    Evaluation g = eval(answers({{"p2.n", 2.5}}));
    EXPECT_FALSE(question_visible(g, "p2.n_big"));
    EXPECT_TRUE(question_visible(g, "p2.n_dec"));  // literal written 2,5
    EXPECT_TRUE(question_visible(g, "p2.n_ne"));

    Evaluation h = eval(answers({{"p2.n", 30}}));
    EXPECT_FALSE(question_visible(h, "p2.n_big"));
    EXPECT_TRUE(question_visible(h, "p2.n_ne"));
}

namespace {

const std::string kChoices = kHeader + R"Y(
parts:
  - id: p
    title: {fr: "P"}
    sections:
      - id: p.s
        title: {fr: "S"}
        questions:
          - id: p.multi
            kind: multiple_choice
            label: {fr: "Plusieurs"}
            choices:
              - {id: hl7, label: {fr: "HL7"}}
              - {id: dicom, label: {fr: "DICOM"}}
              - {id: autre, label: {fr: "Autre"}}
          - id: p.single
            kind: single_choice
            label: {fr: "Un"}
            choices:
              - {id: a, label: {fr: "A"}}
              - {id: b, label: {fr: "B"}}
          - id: p.name
            kind: text
            required: false
            label: {fr: "Nom"}
          - id: p.if_dicom
            kind: text
            show_if: "p.multi == dicom"
            label: {fr: "DICOM"}
          - id: p.if_not_dicom
            kind: text
            show_if: "p.multi != dicom"
            label: {fr: "pas DICOM"}
          - id: p.if_a
            kind: text
            show_if: "p.single == a"
            label: {fr: "A"}
          - id: p.if_not_b
            kind: text
            show_if: "p.single != b"
            label: {fr: "pas B"}
          - id: p.if_name
            kind: text
            show_if: "p.name == 'Jean Dupont'"
            label: {fr: "Jean Dupont"}
          - id: p.combined
            kind: text
            show_if: "p.multi == hl7 and (p.single == b or not answered(p.name))"
            label: {fr: "Combinée"}
)Y";

}  // namespace

TEST(EngineChoices, MultipleChoiceEqualsMeansContains) {
    auto q = load(kChoices);
    auto visible = [&](const Evaluation& e, const char* id) { return e.is_visible(*q->find_question(id)); };

    Evaluation both = evaluate(*q, answers({{"p.multi", json::array({"hl7", "dicom"})}}));
    EXPECT_TRUE(visible(both, "p.if_dicom"));
    EXPECT_FALSE(visible(both, "p.if_not_dicom"));

    Evaluation one = evaluate(*q, answers({{"p.multi", json::array({"dicom"})}}));
    EXPECT_TRUE(visible(one, "p.if_dicom"));

    Evaluation other = evaluate(*q, answers({{"p.multi", json::array({"hl7", "autre"})}}));
    EXPECT_FALSE(visible(other, "p.if_dicom"));
    EXPECT_TRUE(visible(other, "p.if_not_dicom"));

    Evaluation none = evaluate(*q, {});
    EXPECT_FALSE(visible(none, "p.if_dicom"));
    EXPECT_TRUE(visible(none, "p.if_not_dicom"));
}

TEST(EngineChoices, SingleChoice) {
    auto q = load(kChoices);
    auto visible = [&](const Evaluation& e, const char* id) { return e.is_visible(*q->find_question(id)); };
    Evaluation a = evaluate(*q, answers({{"p.single", "a"}}));
    EXPECT_TRUE(visible(a, "p.if_a"));
    EXPECT_TRUE(visible(a, "p.if_not_b"));
    Evaluation b = evaluate(*q, answers({{"p.single", "b"}}));
    EXPECT_FALSE(visible(b, "p.if_a"));
    EXPECT_FALSE(visible(b, "p.if_not_b"));
    Evaluation none = evaluate(*q, {});
    EXPECT_FALSE(visible(none, "p.if_a"));
    EXPECT_TRUE(visible(none, "p.if_not_b"));
}

TEST(EngineChoices, QuotedTextComparisonIsExact) {
    auto q = load(kChoices);
    const Question& target = *q->find_question("p.if_name");
    EXPECT_TRUE(evaluate(*q, answers({{"p.name", "Jean Dupont"}})).is_visible(target));
    EXPECT_FALSE(evaluate(*q, answers({{"p.name", "jean dupont"}})).is_visible(target));
    EXPECT_FALSE(evaluate(*q, answers({{"p.name", "Jean"}})).is_visible(target));
}

TEST(EngineChoices, CombinedCondition) {
    auto q = load(kChoices);
    const Question& target = *q->find_question("p.combined");
    EXPECT_TRUE(evaluate(*q, answers({{"p.multi", json::array({"hl7"})}})).is_visible(target));
    EXPECT_FALSE(evaluate(*q, answers({{"p.multi", json::array({"hl7"})}, {"p.name", "x"}})).is_visible(target));
    EXPECT_TRUE(evaluate(*q, answers({{"p.multi", json::array({"hl7"})}, {"p.name", "x"}, {"p.single", "b"}}))
                    .is_visible(target));
    EXPECT_FALSE(evaluate(*q, answers({{"p.multi", json::array({"dicom"})}})).is_visible(target));
}

TEST(EngineConditionHolds, UsesTheEvaluationsVisibility) {
    auto q = load(kChoices);
    AnswerSet set = answers({{"p.single", "a"}, {"p.multi", json::array({"dicom"})}});
    Evaluation e = evaluate(*q, set);
    auto values = values_by_index(*q, set);
    ASSERT_EQ(values.size(), q->question_count());
    EXPECT_NE(values[q->find_question("p.single")->index], nullptr);
    EXPECT_EQ(values[q->find_question("p.name")->index], nullptr);
    EXPECT_TRUE(condition_holds(*q->find_question("p.if_a")->show_if, e, values));
    EXPECT_TRUE(condition_holds(*q->find_question("p.if_not_b")->show_if, e, values));
    EXPECT_TRUE(condition_holds(*q->find_question("p.if_dicom")->show_if, e, values));
    EXPECT_FALSE(condition_holds(*q->find_question("p.if_not_dicom")->show_if, e, values));
}

TEST_F(EngineTest, LargeAnswerSetsGiveTheSameResult) {
    // values_by_index walks the answers or the questions depending on which is smaller: same result.
    AnswerSet small = answers({{"p1.gate", "oui"}, {"p1.s2_a", "oui"}, {"p2.n", 3}});
    AnswerSet large = small;
    for (int i = 0; i < 50; ++i) large["unknown." + std::to_string(i)] = Answer{"x", {}};
    ASSERT_GE(large.size(), q->question_count());
    Evaluation a = eval(small), b = eval(large);
    EXPECT_EQ(a.question_visible, b.question_visible);
    EXPECT_EQ(a.question_answered, b.question_answered);
    EXPECT_EQ(a.missing_required, b.missing_required);
    EXPECT_EQ(a.hidden_answered, b.hidden_answered);
    EXPECT_EQ(a.overall.answered, b.overall.answered);
    EXPECT_EQ(b.overall.answered, 3u);
    EXPECT_TRUE(section_visible(b, "p2.s4"));
}
