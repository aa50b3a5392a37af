#pragma once
// The scoring grid: for some questions of a questionnaire, which answers are favourable, how much
// they weigh and how serious an unfavourable answer is. Loaded from YAML by the definition layer
// (definition/grid_loader.hpp, format in docs/scoring-grid.md), bound to one questionnaire (its
// conditions carry question indexes of that questionnaire). Immutable once loaded.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/condition.hpp"
#include "core/localized_text.hpp"

namespace cyberachat {

// Ordered: info < minor < major < critical.
enum class Severity { info = 0, minor = 1, major = 2, critical = 3 };
std::string_view severity_name(Severity severity);      // "info", "minor", "major", "critical"
std::optional<Severity> parse_severity(std::string_view name);
std::string_view severity_label_fr(Severity severity);  // "Information", "Mineur", "Majeur", "Critique"

// How a rule decides whether an answer is favourable.
enum class RuleTest {
    answered,         // no test given: having an answer is favourable (documents, texts)
    favourable_values,  // the answer is (or, for several choices, includes) one of `favourable`
    favourable_if,    // favourable when the condition holds
    unfavourable_if,  // unfavourable when the condition holds
};

struct GridRule {
    std::string question_id;
    size_t question_index = 0;   // in the questionnaire the grid was loaded against
    RuleTest test = RuleTest::answered;
    std::vector<std::string> favourable;  // canonical values ("oui", a choice id…)
    std::string condition_text;
    ConditionPtr condition;               // favourable_if / unfavourable_if
    double weight = 1;                    // > 0
    Severity severity = Severity::minor;  // when unfavourable
    LocalizedText rationale;              // one line, shown with the finding
    int line = 0;
};

class ScoringGrid {
public:
    std::string id;                     // "afib-grid"
    std::string version;                // "2024.1-1"
    std::string questionnaire_id;       // "afib"
    std::string questionnaire_version;  // "2024.1"
    LocalizedText title;
    std::vector<GridRule> rules;        // in questionnaire order

    void build_index();
    const GridRule* find_rule(std::string_view question_id) const;

private:
    std::unordered_map<std::string, size_t> by_question_;
};

// A purchase's own weights, by question id (replacing the grid's).
using WeightOverrides = std::map<std::string, double>;

}  // namespace cyberachat
