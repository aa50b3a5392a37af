#include "core/scoring_grid.hpp"

namespace cyberachat {

std::string_view severity_name(Severity severity) {
    switch (severity) {
        case Severity::info: return "info";
        case Severity::minor: return "minor";
        case Severity::major: return "major";
        case Severity::critical: return "critical";
    }
    return "minor";
}

std::optional<Severity> parse_severity(std::string_view name) {
    for (Severity severity : {Severity::info, Severity::minor, Severity::major, Severity::critical})
        if (severity_name(severity) == name) return severity;
    return std::nullopt;
}

std::string_view severity_label_fr(Severity severity) {
    switch (severity) {
        case Severity::info: return "Information";
        case Severity::minor: return "Mineur";
        case Severity::major: return "Majeur";
        case Severity::critical: return "Critique";
    }
    return "";
}

void ScoringGrid::build_index() {
    by_question_.clear();
    for (size_t i = 0; i < rules.size(); ++i) by_question_.emplace(rules[i].question_id, i);
}

const GridRule* ScoringGrid::find_rule(std::string_view question_id) const {
    auto it = by_question_.find(std::string(question_id));
    return it == by_question_.end() ? nullptr : &rules[it->second];
}

}  // namespace cyberachat
