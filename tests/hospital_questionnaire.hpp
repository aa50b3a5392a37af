#pragma once
// A small questionnaire of a hospital — one part, two sections, the second behind a yes/no gate —
// for the tests that need a definition other than the AFIB one (the command line's, the
// extension loader's).
namespace cyberachat::test_data {

inline constexpr const char* kHospitalQuestionnaireYaml = R"Y(questionnaire:
  id: hopital
  version: "3"
  title: {fr: "Questionnaire de l'hôpital", en: "Hospital questionnaire"}
parts:
  - id: p
    title: {fr: "Partie", en: "Part"}
    sections:
      - id: p.s
        title: {fr: "Section", en: "Section"}
        questions:
          - id: p.gate
            kind: yes_no
            label: {fr: "Porte", en: "Gate"}
          - id: p.taille
            kind: number
            unit: "Go"
            min: 1
            label: {fr: "Taille", en: "Size"}
      - id: p.suite
        title: {fr: "Suite", en: "Next"}
        show_if: "p.gate == oui"
        questions:
          - id: p.detail
            kind: text
            label: {fr: "Détail", en: "Detail"}
)Y";

}  // namespace cyberachat::test_data
