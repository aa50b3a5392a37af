// `template check`'s engine: each class of mistake in a questionnaire definition is reported with
// the file, the line and the id concerned; odd YAML never throws.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "definition/definition_loader.hpp"

using namespace cyberachat;

namespace {

const std::string kQuestionnaireHeader = R"Y(questionnaire:
  id: test
  version: "1"
  title: {fr: "Test", en: "Test"}
)Y";

// A questionnaire of one part and one section holding `questions` (indented as list items at 10).
std::string with_questions(const std::string& questions) {
    return kQuestionnaireHeader + R"Y(parts:
  - id: p
    title: {fr: "Partie", en: "Part"}
    sections:
      - id: p.s
        title: {fr: "Section", en: "Section"}
        questions:
)Y" + questions;
}

// 1-based line of the `occurrence`-th line containing `needle`.
int line_of(const std::string& text, const std::string& needle, int occurrence = 1) {
    int line = 1;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (text.substr(start, end - start).find(needle) != std::string::npos && --occurrence == 0) return line;
        ++line;
        start = end + 1;
    }
    ADD_FAILURE() << "'" << needle << "' not in the test document";
    return -1;
}

std::string all_errors(const LoadedDefinition& loaded) {
    std::string out;
    for (const auto& e : loaded.errors) out += "  " + e.to_string() + "\n";
    return out;
}

LoadedDefinition load_yaml(const std::string& yaml) { return load_definition(yaml, "test.yaml"); }

// The one error whose text contains every one of `needles`; fails the test if there is none.
DefinitionError expect_error(const LoadedDefinition& loaded, std::vector<std::string> needles) {
    EXPECT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.questionnaire, nullptr) << "no questionnaire when there are errors";
    for (const auto& error : loaded.errors) {
        std::string text = error.to_string();
        bool all = true;
        for (const auto& needle : needles) all = all && text.find(needle) != std::string::npos;
        if (all) {
            EXPECT_EQ(error.file, "test.yaml");
            EXPECT_EQ(text.rfind("test.yaml:" + std::to_string(error.line) + ": ", 0), 0u) << text;
            return error;
        }
    }
    std::string wanted;
    for (const auto& needle : needles) wanted += " [" + needle + "]";
    ADD_FAILURE() << "no error mentioning" << wanted << "; errors:\n" << all_errors(loaded);
    return DefinitionError{};
}

}  // namespace

// ---- a valid file ------------------------------------------------------------------------------

TEST(DefinitionValidator, ValidFileHasNoErrors) {
    const std::string yaml = with_questions(R"Y(          - id: p.gate
            kind: yes_no
            label: {fr: "Porte", en: "Gate"}
          - id: p.count
            kind: integer
            unit: "serveurs"
            min: 0
            max: 10
            show_if: "p.gate == oui"
            label: {fr: "Nombre"}
          - id: p.choice
            kind: multiple_choice
            required: false
            label: {fr: "Choix"}
            choices:
              - {id: a, label: {fr: "A"}}
              - {id: b, label: {fr: "B", en: "B"}}
          - id: p.after
            kind: table
            show_if: "p.choice == b or p.count == 2,5 or not answered(p.gate)"
            label: {fr: "Tableau"}
            fields:
              - {id: nom, label: {fr: "Nom"}}
              - {id: taille, kind: number, label: {fr: "Taille"}}
          - id: p.contact
            kind: contact
            help: {fr: "Aide", en: "Help"}
            label: {fr: "Contact"}
)Y");
    LoadedDefinition loaded = load_yaml(yaml);
    ASSERT_TRUE(loaded.ok()) << all_errors(loaded);
    const Questionnaire& q = *loaded.questionnaire;
    EXPECT_EQ(q.id, "test");
    EXPECT_EQ(q.question_count(), 5u);
    const Question* count = q.find_question("p.count");
    ASSERT_NE(count, nullptr);
    EXPECT_EQ(count->kind, QuestionKind::integer);
    EXPECT_EQ(count->unit, "serveurs");
    EXPECT_EQ(count->min, 0.0);
    EXPECT_EQ(count->max, 10.0);
    EXPECT_EQ(count->line, line_of(yaml, "id: p.count"));
    EXPECT_NE(count->show_if, nullptr);
    EXPECT_TRUE(count->required);
    EXPECT_FALSE(q.find_question("p.choice")->required);
    EXPECT_EQ(q.find_question("p.contact")->fields.size(), 6u);  // the standard contact fields
    EXPECT_EQ(q.find_question("p.after")->fields[0].kind, QuestionKind::text);  // default column kind
}

// ---- YAML ---------------------------------------------------------------------------------------

TEST(DefinitionValidator, YamlSyntaxErrorHasLineAndColumn) {
    const std::string yaml = kQuestionnaireHeader + R"Y(parts:
  - id: p
    title: {fr: "Partie"}
   sections: []
)Y";
    LoadedDefinition loaded = load_yaml(yaml);
    DefinitionError e = expect_error(loaded, {"YAML"});
    EXPECT_EQ(e.line, line_of(yaml, "   sections: []"));
    EXPECT_NE(e.message.find("colonne 4"), std::string::npos) << e.message;
}

TEST(DefinitionValidator, YamlUnclosedFlowMap) {
    const std::string yaml = with_questions(R"Y(          - id: p.q
            kind: text
            label: {fr: "Q"
          - id: p.r
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"YAML"});
    EXPECT_GE(e.line, line_of(yaml, "label: {fr: \"Q\""));
    EXPECT_LE(e.line, line_of(yaml, "id: p.r"));
}

// ---- questions ---------------------------------------------------------------------------------

TEST(DefinitionValidator, UnknownKind) {
    const std::string yaml = with_questions(R"Y(          - id: p.q
            kind: yesno
            label: {fr: "Q"}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "yesno"});
    EXPECT_EQ(e.line, line_of(yaml, "kind: yesno"));
    EXPECT_NE(e.message.find("yes_no"), std::string::npos) << "lists the possible kinds: " << e.message;
    EXPECT_NE(e.message.find("contact"), std::string::npos) << e.message;
}

TEST(DefinitionValidator, MissingKind) {
    const std::string yaml = with_questions(R"Y(          - id: p.q
            label: {fr: "Q"}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "kind"});
    EXPECT_EQ(e.line, line_of(yaml, "id: p.q"));
}

TEST(DefinitionValidator, DuplicateQuestionId) {
    const std::string yaml = with_questions(R"Y(          - id: p.q
            kind: text
            label: {fr: "Q"}
          - id: p.q
            kind: text
            label: {fr: "Q bis"}
)Y");
    LoadedDefinition loaded = load_yaml(yaml);
    DefinitionError e = expect_error(loaded, {"p.q", "double"});
    EXPECT_EQ(e.line, line_of(yaml, "id: p.q", 2));
    EXPECT_EQ(loaded.errors.size(), 1u) << all_errors(loaded);
}

TEST(DefinitionValidator, DuplicateIdBetweenSectionAndQuestion) {
    const std::string yaml = with_questions(R"Y(          - id: p.s
            kind: text
            label: {fr: "Q"}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.s", "double"});
    EXPECT_EQ(e.line, line_of(yaml, "- id: p.s", 2));
    EXPECT_NE(e.subject.find("question"), std::string::npos) << e.subject;
}

TEST(DefinitionValidator, DuplicateIdBetweenPartAndSection) {
    const std::string yaml = kQuestionnaireHeader + R"Y(parts:
  - id: p
    title: {fr: "Partie"}
    sections:
      - id: p
        title: {fr: "Section"}
        questions:
          - id: p.q
            kind: text
            label: {fr: "Q"}
)Y";
    DefinitionError e = expect_error(load_yaml(yaml), {"section 'p'", "double"});
    EXPECT_EQ(e.line, line_of(yaml, "- id: p", 2));
}

TEST(DefinitionValidator, InvalidIdCharacters) {
    for (const std::string bad : {"p.Question", "p.question 2", "1p.q", "p.q/x", "p.qé", "_p.q"}) {
        const std::string yaml = with_questions("          - id: \"" + bad + "\"\n            kind: text\n"
                                                "            label: {fr: \"Q\"}\n");
        DefinitionError e = expect_error(load_yaml(yaml), {"'" + bad + "'", "identifiant invalide"});
        EXPECT_EQ(e.line, line_of(yaml, "id: \"" + bad)) << bad;
    }
}

TEST(DefinitionValidator, MissingFrenchLabel) {
    const std::string yaml = with_questions(R"Y(          - id: p.q
            kind: text
            label: {en: "English only"}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "label.fr"});
    EXPECT_EQ(e.line, line_of(yaml, "label: {en:"));
}

TEST(DefinitionValidator, MissingLabel) {
    const std::string yaml = with_questions(R"Y(          - id: p.q
            kind: text
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "label"});
    EXPECT_EQ(e.line, line_of(yaml, "id: p.q"));
}

TEST(DefinitionValidator, MissingFrenchSectionTitle) {
    const std::string yaml = kQuestionnaireHeader + R"Y(parts:
  - id: p
    title: {fr: "Partie"}
    sections:
      - id: p.s
        title: {en: "Section"}
        questions:
          - id: p.q
            kind: text
            label: {fr: "Q"}
)Y";
    DefinitionError e = expect_error(load_yaml(yaml), {"p.s", "title.fr"});
    EXPECT_EQ(e.line, line_of(yaml, "title: {en: \"Section\"}"));
}

TEST(DefinitionValidator, UnknownLanguage) {
    const std::string yaml = with_questions(R"Y(          - id: p.q
            kind: text
            label:
              fr: "Q"
              de: "Frage"
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "de"});
    EXPECT_EQ(e.line, line_of(yaml, "de: \"Frage\""));
}

TEST(DefinitionValidator, UnitOnNonNumberKind) {
    const std::string yaml = with_questions(R"Y(          - id: p.q
            kind: text
            unit: "Go"
            label: {fr: "Q"}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "unit"});
    EXPECT_EQ(e.line, line_of(yaml, "id: p.q"));
}

TEST(DefinitionValidator, MinOnNonNumberKind) {
    const std::string yaml = with_questions(R"Y(          - id: p.q
            kind: yes_no
            min: 1
            label: {fr: "Q"}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "min"});
    EXPECT_EQ(e.line, line_of(yaml, "id: p.q"));
}

TEST(DefinitionValidator, MinGreaterThanMax) {
    const std::string yaml = with_questions(R"Y(          - id: p.q
            kind: number
            label: {fr: "Q"}
            min: 10
            max: 2.5
)Y");
    LoadedDefinition loaded = load_yaml(yaml);
    DefinitionError e = expect_error(loaded, {"p.q", "min", "max"});
    EXPECT_EQ(e.line, line_of(yaml, "min: 10"));
    EXPECT_EQ(loaded.errors.size(), 1u) << all_errors(loaded);
}

TEST(DefinitionValidator, MinNotANumber) {
    const std::string yaml = with_questions(R"Y(          - id: p.q
            kind: number
            label: {fr: "Q"}
            max: beaucoup
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "max", "nombre"});
    EXPECT_EQ(e.line, line_of(yaml, "max: beaucoup"));
}

TEST(DefinitionValidator, RequiredNotABoolean) {
    const std::string yaml = with_questions(R"Y(          - id: p.q
            kind: text
            required: peut-etre
            label: {fr: "Q"}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "required"});
    EXPECT_EQ(e.line, line_of(yaml, "required: peut-etre"));
}

TEST(DefinitionValidator, ChoiceKindWithoutChoices) {
    for (const char* kind : {"single_choice", "multiple_choice"}) {
        const std::string yaml = with_questions(std::string("          - id: p.q\n            kind: ") + kind +
                                                "\n            label: {fr: \"Q\"}\n");
        DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "choices"});
        EXPECT_EQ(e.line, line_of(yaml, "id: p.q")) << kind;
    }
}

TEST(DefinitionValidator, EmptyChoices) {
    const std::string yaml = with_questions(R"Y(          - id: p.q
            kind: single_choice
            label: {fr: "Q"}
            choices: []
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "choices"});
    EXPECT_EQ(e.line, line_of(yaml, "id: p.q"));
}

TEST(DefinitionValidator, ChoicesOnNonChoiceKind) {
    const std::string yaml = with_questions(R"Y(          - id: p.q
            kind: text
            label: {fr: "Q"}
            choices:
              - {id: a, label: {fr: "A"}}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "choices"});
    EXPECT_EQ(e.line, line_of(yaml, "{id: a, label"));
}

TEST(DefinitionValidator, DuplicateChoice) {
    const std::string yaml = with_questions(R"Y(          - id: p.q
            kind: single_choice
            label: {fr: "Q"}
            choices:
              - id: a
                label: {fr: "A"}
              - id: b
                label: {fr: "B"}
              - id: a
                label: {fr: "A bis"}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "double", "« a »"});
    EXPECT_EQ(e.line, line_of(yaml, "- id: a", 2));
}

TEST(DefinitionValidator, ChoiceWithoutFrenchLabel) {
    const std::string yaml = with_questions(R"Y(          - id: p.q
            kind: single_choice
            label: {fr: "Q"}
            choices:
              - id: a
                label: {en: "A"}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "'a'", "label.fr"});
    EXPECT_EQ(e.line, line_of(yaml, "label: {en: \"A\"}"));
}

TEST(DefinitionValidator, TableWithoutFields) {
    const std::string yaml = with_questions(R"Y(          - id: p.table
            kind: table
            label: {fr: "Tableau"}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.table", "fields"});
    EXPECT_EQ(e.line, line_of(yaml, "id: p.table"));
}

TEST(DefinitionValidator, TableWithEmptyFields) {
    const std::string yaml = with_questions(R"Y(          - id: p.table
            kind: table
            label: {fr: "Tableau"}
            fields: []
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.table", "fields"});
    EXPECT_EQ(e.line, line_of(yaml, "fields: []"));
}

TEST(DefinitionValidator, TableColumnOfImpossibleKind) {
    const std::string yaml = with_questions(R"Y(          - id: p.table
            kind: table
            label: {fr: "Tableau"}
            fields:
              - {id: nom, label: {fr: "Nom"}}
              - {id: pj, kind: document, label: {fr: "Pièce"}}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.table", "document"});
    EXPECT_EQ(e.line, line_of(yaml, "id: pj"));
}

TEST(DefinitionValidator, TableDuplicateColumn) {
    const std::string yaml = with_questions(R"Y(          - id: p.table
            kind: table
            label: {fr: "Tableau"}
            fields:
              - id: nom
                label: {fr: "Nom"}
              - id: nom
                label: {fr: "Nom bis"}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.table", "double", "nom"});
    EXPECT_EQ(e.line, line_of(yaml, "- id: nom", 2));
}

TEST(DefinitionValidator, FieldsOnNonTableKind) {
    const std::string yaml = with_questions(R"Y(          - id: p.q
            kind: text
            label: {fr: "Q"}
            fields:
              - {id: nom, label: {fr: "Nom"}}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "fields"});
    EXPECT_EQ(e.line, line_of(yaml, "{id: nom"));
}

TEST(DefinitionValidator, UnknownKeyInQuestion) {
    const std::string yaml = with_questions(R"Y(          - id: p.gate
            kind: yes_no
            label: {fr: "Porte"}
          - id: p.q
            kind: text
            label: {fr: "Q"}
            show-if: "p.gate == oui"
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"show-if"});
    EXPECT_EQ(e.line, line_of(yaml, "show-if:"));
    EXPECT_NE(e.message.find("show_if"), std::string::npos) << "lists the possible keys: " << e.message;
}

TEST(DefinitionValidator, UnknownKeyInSectionAndRoot) {
    const std::string yaml = kQuestionnaireHeader + R"Y(parts:
  - id: p
    title: {fr: "Partie"}
    sections:
      - id: p.s
        title: {fr: "Section"}
        notes: {fr: "N"}
        questions:
          - id: p.q
            kind: text
            label: {fr: "Q"}
extra: 1
)Y";
    LoadedDefinition loaded = load_yaml(yaml);
    DefinitionError notes = expect_error(loaded, {"notes"});
    EXPECT_EQ(notes.line, line_of(yaml, "notes:"));
    DefinitionError extra = expect_error(loaded, {"extra"});
    EXPECT_EQ(extra.line, line_of(yaml, "extra: 1"));
}

TEST(DefinitionValidator, SectionWithoutQuestions) {
    const std::string yaml = kQuestionnaireHeader + R"Y(parts:
  - id: p
    title: {fr: "Partie"}
    sections:
      - id: p.s
        title: {fr: "Section"}
        questions: []
)Y";
    DefinitionError e = expect_error(load_yaml(yaml), {"p.s", "questions"});
    EXPECT_EQ(e.line, line_of(yaml, "id: p.s"));
}

TEST(DefinitionValidator, EveryMistakeIsReported) {
    const std::string yaml = with_questions(R"Y(          - id: p.a
            kind: yesno
            label: {fr: "A"}
          - id: p.b
            kind: text
            unit: "Go"
            label: {fr: "B"}
          - id: p.c
            kind: textt
            label: {fr: "C"}
)Y");
    LoadedDefinition loaded = load_yaml(yaml);
    EXPECT_EQ(expect_error(loaded, {"p.a", "yesno"}).line, line_of(yaml, "kind: yesno"));
    EXPECT_EQ(expect_error(loaded, {"p.b", "unit"}).line, line_of(yaml, "id: p.b"));
    EXPECT_EQ(expect_error(loaded, {"p.c", "textt"}).line, line_of(yaml, "kind: textt"));
}

// ---- conditions ----------------------------------------------------------------------------------

TEST(DefinitionValidator, ConditionSyntaxError) {
    const std::string yaml = with_questions(R"Y(          - id: p.gate
            kind: yes_no
            label: {fr: "Porte"}
          - id: p.q
            kind: text
            show_if: "p.gate = oui"
            label: {fr: "Q"}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "p.gate = oui"});
    EXPECT_EQ(e.line, line_of(yaml, "show_if: \"p.gate = oui\""));
    EXPECT_NE(e.message.find("colonne 8"), std::string::npos) << e.message;
}

TEST(DefinitionValidator, ConditionOnUnknownQuestion) {
    const std::string yaml = with_questions(R"Y(          - id: p.gate
            kind: yes_no
            label: {fr: "Porte"}
          - id: p.q
            kind: text
            show_if: "p.gate == oui and p.gat == non"
            label: {fr: "Q"}
)Y");
    LoadedDefinition loaded = load_yaml(yaml);
    DefinitionError e = expect_error(loaded, {"p.q", "p.gat »"});
    EXPECT_EQ(e.line, line_of(yaml, "show_if:"));
    EXPECT_EQ(loaded.errors.size(), 1u) << all_errors(loaded);
}

TEST(DefinitionValidator, ConditionOnASectionIdSaysSo) {
    const std::string yaml = with_questions(R"Y(          - id: p.q
            kind: text
            show_if: "answered(p.s)"
            label: {fr: "Q"}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "p.s", "section"});
    EXPECT_EQ(e.line, line_of(yaml, "show_if:"));
}

TEST(DefinitionValidator, SectionConditionOnUnknownQuestion) {
    const std::string yaml = kQuestionnaireHeader + R"Y(parts:
  - id: p
    title: {fr: "Partie"}
    sections:
      - id: p.s
        title: {fr: "Section"}
        questions:
          - id: p.q
            kind: yes_no
            label: {fr: "Q"}
      - id: p.t
        title: {fr: "T"}
        show_if: "p.nope == oui"
        questions:
          - id: p.r
            kind: text
            label: {fr: "R"}
)Y";
    DefinitionError e = expect_error(load_yaml(yaml), {"section 'p.t'", "p.nope"});
    EXPECT_EQ(e.line, line_of(yaml, "show_if: \"p.nope"));
}

TEST(DefinitionValidator, YesNoComparedWithSomethingElseThanOuiNon) {
    const std::string yaml = with_questions(R"Y(          - id: p.gate
            kind: yes_no
            label: {fr: "Porte"}
          - id: p.q
            kind: text
            show_if: "p.gate == yes"
            label: {fr: "Q"}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"question 'p.q'", "p.gate", "yes"});
    EXPECT_EQ(e.line, line_of(yaml, "show_if: \"p.gate == yes\""));
    EXPECT_NE(e.message.find("oui ou non"), std::string::npos) << e.message;
}

TEST(DefinitionValidator, YesNoComparedWithTrue) {
    const std::string yaml = with_questions(R"Y(          - id: p.gate
            kind: yes_no
            label: {fr: "Porte"}
          - id: p.q
            kind: text
            show_if: "p.gate != 'Oui'"
            label: {fr: "Q"}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "p.gate", "Oui"});
    EXPECT_EQ(e.line, line_of(yaml, "show_if:"));
}

TEST(DefinitionValidator, UnknownChoiceInCondition) {
    const std::string yaml = with_questions(R"Y(          - id: p.mode
            kind: single_choice
            label: {fr: "Mode"}
            choices:
              - {id: local, label: {fr: "Local"}}
              - {id: distant, label: {fr: "Distant"}}
          - id: p.q
            kind: text
            show_if: "p.mode == Distant"
            label: {fr: "Q"}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "p.mode", "Distant"});
    EXPECT_EQ(e.line, line_of(yaml, "show_if:"));
}

TEST(DefinitionValidator, UnknownChoiceInMultipleChoiceCondition) {
    const std::string yaml = with_questions(R"Y(          - id: p.modes
            kind: multiple_choice
            label: {fr: "Modes"}
            choices:
              - {id: local, label: {fr: "Local"}}
          - id: p.q
            kind: text
            show_if: "p.modes != distant"
            label: {fr: "Q"}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "p.modes", "distant"});
    EXPECT_EQ(e.line, line_of(yaml, "show_if:"));
}

TEST(DefinitionValidator, NumberComparedWithNonNumber) {
    const std::string yaml = with_questions(R"Y(          - id: p.n
            kind: integer
            label: {fr: "N"}
          - id: p.q
            kind: text
            show_if: "p.n == deux"
            label: {fr: "Q"}
          - id: p.r
            kind: text
            show_if: "p.n == '2'"
            label: {fr: "R"}
)Y");
    LoadedDefinition loaded = load_yaml(yaml);
    DefinitionError e = expect_error(loaded, {"p.q", "p.n", "deux"});
    EXPECT_EQ(e.line, line_of(yaml, "show_if: \"p.n == deux\""));
    DefinitionError quoted = expect_error(loaded, {"question 'p.r'", "p.n"});
    EXPECT_EQ(quoted.line, line_of(yaml, "show_if: \"p.n == '2'\""));
}

TEST(DefinitionValidator, TableComparedWithAValue) {
    const std::string yaml = with_questions(R"Y(          - id: p.table
            kind: table
            label: {fr: "Tableau"}
            fields: [{id: nom, label: {fr: "Nom"}}]
          - id: p.q
            kind: text
            show_if: "p.table == x"
            label: {fr: "Q"}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"p.q", "p.table", "answered"});
    EXPECT_EQ(e.line, line_of(yaml, "show_if:"));
}

TEST(DefinitionValidator, CycleBetweenTwoQuestions) {
    const std::string yaml = with_questions(R"Y(          - id: p.a
            kind: yes_no
            show_if: "p.b == oui"
            label: {fr: "A"}
          - id: p.b
            kind: yes_no
            show_if: "p.a == oui"
            label: {fr: "B"}
)Y");
    LoadedDefinition loaded = load_yaml(yaml);
    DefinitionError e = expect_error(loaded, {"circulaires", "p.a", "p.b"});
    // Reported once, on the question where the cycle closes.
    EXPECT_TRUE(e.line == line_of(yaml, "id: p.a") || e.line == line_of(yaml, "id: p.b")) << e.to_string();
    EXPECT_EQ(loaded.errors.size(), 1u) << all_errors(loaded);
}

TEST(DefinitionValidator, QuestionGatingItself) {
    const std::string yaml = with_questions(R"Y(          - id: p.a
            kind: yes_no
            show_if: "not answered(p.a)"
            label: {fr: "A"}
)Y");
    DefinitionError e = expect_error(load_yaml(yaml), {"circulaires", "p.a"});
    EXPECT_EQ(e.line, line_of(yaml, "id: p.a"));
}

TEST(DefinitionValidator, QuestionGatingItsOwnSection) {
    const std::string yaml = kQuestionnaireHeader + R"Y(parts:
  - id: p
    title: {fr: "Partie"}
    sections:
      - id: p.s
        title: {fr: "Section"}
        show_if: "p.a == oui"
        questions:
          - id: p.a
            kind: yes_no
            label: {fr: "A"}
)Y";
    DefinitionError e = expect_error(load_yaml(yaml), {"circulaires", "p.s", "p.a"});
    EXPECT_TRUE(e.line == line_of(yaml, "id: p.s") || e.line == line_of(yaml, "id: p.a")) << e.to_string();
}

TEST(DefinitionValidator, CycleThroughPagesInDifferentParts) {
    const std::string yaml = kQuestionnaireHeader + R"Y(parts:
  - id: p
    title: {fr: "Partie"}
    sections:
      - id: p.s
        title: {fr: "S"}
        show_if: "q.b == oui"
        questions:
          - id: p.a
            kind: yes_no
            label: {fr: "A"}
  - id: q
    title: {fr: "Partie Q"}
    sections:
      - id: q.s
        title: {fr: "S"}
        questions:
          - id: q.b
            kind: yes_no
            show_if: "p.a == non"
            label: {fr: "B"}
)Y";
    expect_error(load_yaml(yaml), {"circulaires", "p.a", "q.b"});
}

TEST(DefinitionValidator, ChainWithoutCycleIsFine) {
    const std::string yaml = kQuestionnaireHeader + R"Y(parts:
  - id: p
    title: {fr: "Partie"}
    sections:
      - id: p.s
        title: {fr: "S"}
        questions:
          - id: p.a
            kind: yes_no
            show_if: "q.b == oui"
            label: {fr: "A"}
  - id: q
    title: {fr: "Partie Q"}
    sections:
      - id: q.s
        title: {fr: "S"}
        questions:
          - id: q.b
            kind: yes_no
            label: {fr: "B"}
          - id: q.c
            kind: yes_no
            show_if: "p.a == oui and q.b == oui"
            label: {fr: "C"}
)Y";
    LoadedDefinition loaded = load_yaml(yaml);
    EXPECT_TRUE(loaded.ok()) << all_errors(loaded);
}

// ---- the header ------------------------------------------------------------------------------------

TEST(DefinitionValidator, MissingQuestionnaireHeader) {
    LoadedDefinition loaded = load_yaml(R"Y(parts:
  - id: p
    title: {fr: "Partie"}
    sections:
      - id: p.s
        title: {fr: "Section"}
        questions:
          - {id: p.q, kind: text, label: {fr: "Q"}}
)Y");
    expect_error(loaded, {"questionnaire"});
}

TEST(DefinitionValidator, InvalidQuestionnaireId) {
    const std::string yaml = R"Y(questionnaire:
  id: "AFIB 2024"
  version: "1"
  title: {fr: "T"}
parts:
  - id: p
    title: {fr: "Partie"}
    sections:
      - id: p.s
        title: {fr: "Section"}
        questions:
          - {id: p.q, kind: text, label: {fr: "Q"}}
)Y";
    DefinitionError e = expect_error(load_yaml(yaml), {"AFIB 2024"});
    EXPECT_EQ(e.line, line_of(yaml, "id: \"AFIB 2024\""));
}

TEST(DefinitionValidator, MissingFile) {
    LoadedDefinition loaded = load_definition_file("/nonexistent/dir/questionnaire.yaml");
    ASSERT_EQ(loaded.errors.size(), 1u);
    EXPECT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.errors[0].file, "/nonexistent/dir/questionnaire.yaml");
    EXPECT_EQ(loaded.errors[0].line, 0);
}

TEST(DefinitionValidator, ErrorToString) {
    DefinitionError e{"f.yaml", 12, "question 'p.q'", "message"};
    EXPECT_EQ(e.to_string(), "f.yaml:12: question 'p.q' : message");
    DefinitionError no_line{"f.yaml", 0, "", "message"};
    EXPECT_EQ(no_line.to_string(), "f.yaml: message");
}

// ---- odd YAML never throws ---------------------------------------------------------------------------

TEST(DefinitionValidator, OddDocumentsGiveErrorsNeverExceptions) {
    const std::vector<std::string> documents = {
        "",
        "hello",
        "42",
        "~",
        "- a\n- b\n",
        "[1, 2, 3]",
        "questionnaire: [1, 2]\nparts: [1]\n",
        "questionnaire: {id: t, version: \"1\", title: T}\nparts: x\n",
        "questionnaire: {id: t, version: \"1\", title: T}\nparts: {a: 1}\n",
        "questionnaire: {id: t, version: \"1\", title: T}\nparts: []\n",
        "questionnaire: ~\nparts: ~\n",
        "questionnaire: {id: t, version: \"1\", title: T}\nparts: [{id: p, title: P, sections: x}]\n",
        "questionnaire: {id: t, version: \"1\", title: T}\n"
        "parts: [{id: p, title: P, sections: [x, [1], {id: p.s, title: S, questions: [q, {id: {a: 1}}]}]}]\n",
        "? [a, b]\n: c\n",
        "questionnaire: {id: t, version: \"1\", title: {fr: [x], de: y, ? [k] : v}}\n"
        "parts: [{id: p, title: P, sections: [{id: p.s, title: S, questions: [{id: p.q, kind: [x], "
        "label: {fr: Q}, required: maybe, min: abc, choices: x, fields: y}]}]}]\n",
        "questionnaire: {id: t, version: \"1\", title: T, source: {authors: [[a]], references: x}}\n"
        "parts: [{id: p, title: P, sections: [{id: p.s, title: S, questions: [{id: p.q, kind: table, label: Q, "
        "fields: [x, {id: a, kind: table}, {id: a}]}]}]}]\n",
        "questionnaire: {id: t, version: \"1\", title: T}\ncontent: [x, {id: c}]\n"
        "parts: [{id: p, title: P, sections: [{id: p.s, title: S, show_if: [a], questions: [{id: p.q, kind: yes_no, "
        "label: Q, show_if: {a: b}}]}]}]\n",
        "questionnaire: {id: t, version: \"1\", title: T}\n"
        "parts: [{id: p, title: P, sections: [{id: p.s, title: S, questions: [{id: p.q, kind: single_choice, "
        "label: Q, choices: [x, {id: [1]}, {id: a, label: ~}]}]}]}]\n",
        "a: &x [*x]\n",
        "*unknown\n",
        "---\na: 1\n---\nb: 2\n",
        "!!binary \"AAAA\"\n",
        "\t- a\n",
        "questionnaire:\n  id: t\n  id: u\n",
        std::string(5000, '[') + std::string(5000, ']'),
        "\xff\xfe\x00\x01",
    };
    for (const auto& document : documents) {
        LoadedDefinition loaded;
        EXPECT_NO_THROW(loaded = load_yaml(document)) << document;
        EXPECT_FALSE(loaded.ok()) << document;
        EXPECT_FALSE(loaded.errors.empty()) << document;
        EXPECT_EQ(loaded.questionnaire, nullptr) << document;
        for (const auto& e : loaded.errors) {
            EXPECT_EQ(e.file, "test.yaml");
            EXPECT_FALSE(e.message.empty()) << document;
            EXPECT_GE(e.line, 0);
        }
    }
}

// One malformed node (a list where a text is expected, a list as a key) is reported where it is,
// and the rest of the file is still checked: every other mistake is listed too.
TEST(DefinitionValidator, OneMalformedNodeDoesNotHideTheOtherMistakes) {
    const std::string yaml = R"Y(questionnaire:
  id: test
  version: "1"
  title: {fr: "Test", en: "Test"}
  source:
    authors: [{a: b}, "X"]
parts:
  - id: p
    title: {fr: "Partie", en: "Part"}
    sections:
      - id: p.s
        title: {fr: "Section", en: "Section"}
        questions:
          - id: p.s.a
            kind: yes_no
            label: {fr: "A", [x]: "y"}
          - id: p.s.b
            kind: nope
            label: {fr: "B"}
          - id: p.s.c
            kind: text
            label: {fr: {a: 1}}
)Y";
    LoadedDefinition loaded = load_yaml(yaml);
    DefinitionError authors = expect_error(loaded, {"authors", "texte"});
    EXPECT_EQ(authors.line, line_of(yaml, "authors:"));
    DefinitionError key = expect_error(loaded, {"p.s.a", "clé invalide"});
    EXPECT_EQ(key.line, line_of(yaml, "[x]"));
    DefinitionError kind = expect_error(loaded, {"p.s.b", "nope"});
    EXPECT_EQ(kind.line, line_of(yaml, "kind: nope"));
    expect_error(loaded, {"p.s.c", "label.fr"});
}
