#pragma once
// A questionnaire or a grid as lines of text holding everything it says (ids, texts, kinds,
// conditions, choices, rules…) but not the lines of its file nor its indexes: two models that
// describe the same give the same lines. For the tests that compare a definition written again,
// or composed, with another.
#include <sstream>
#include <string>
#include <vector>

#include "core/questionnaire.hpp"
#include "core/scoring_grid.hpp"

namespace cyberachat::definition_testing {

inline std::string describe_text(const LocalizedText& text) { return "{" + text.fr + "|" + text.en + "}"; }

inline std::string describe_number(const std::optional<double>& value) {
    if (!value) return "-";
    std::ostringstream out;
    out << *value;
    return out.str();
}

// Line 0 is the header (id, version, title, source); then one line per content text, part,
// section and question, in order.
inline std::vector<std::string> describe_lines(const Questionnaire& q) {
    std::vector<std::string> lines;
    std::string header = "questionnaire " + q.id + " " + q.version + " " + describe_text(q.title) + " source " +
                         describe_text(q.source.title) + " " + q.source.institution + " " + q.source.doi + " " +
                         q.source.permalink;
    for (const auto& author : q.source.authors) header += " author " + author;
    for (const auto& reference : q.source.references) header += " reference " + reference;
    lines.push_back(header);
    for (const auto& text : q.content) lines.push_back("content " + text.id + " " + describe_text(text.title) + describe_text(text.body));
    for (const auto& part : q.parts) {
        lines.push_back("part " + part.id + " " + describe_text(part.title) + describe_text(part.short_title));
        for (const auto& section : part.sections) {
            lines.push_back("section " + section.id + " " + describe_text(section.title) + " note " +
                            describe_text(section.note) + " if " + section.show_if_text + " bound " +
                            (section.show_if ? "yes" : "no"));
            for (const auto& question : section.questions) {
                std::string line = "question " + question.id + " " + std::string(question_kind_name(question.kind)) + " " +
                                   describe_text(question.label) + " help " + describe_text(question.help) +
                                   (question.required ? " required" : " optional") + " if " + question.show_if_text +
                                   " bound " + (question.show_if ? "yes" : "no") + " unit " + question.unit + " min " +
                                   describe_number(question.min) + " max " + describe_number(question.max);
                for (const auto& choice : question.choices) line += " choice " + choice.id + describe_text(choice.label);
                for (const auto& field : question.fields)
                    line += " field " + field.id + describe_text(field.label) + std::string(question_kind_name(field.kind));
                lines.push_back(line);
            }
        }
    }
    return lines;
}

// Line 0 is the header; then one line per rule, in the grid's order.
inline std::vector<std::string> describe_lines(const ScoringGrid& grid) {
    std::vector<std::string> lines{"grid " + grid.id + " " + grid.version + " " + grid.questionnaire_id + " " +
                                   grid.questionnaire_version + " " + describe_text(grid.title)};
    for (const auto& rule : grid.rules) {
        std::string line = "rule " + rule.question_id + " test " + std::to_string(static_cast<int>(rule.test)) + " if " +
                           rule.condition_text + " weight " + describe_number(rule.weight) + " " +
                           std::string(severity_name(rule.severity)) + " " + describe_text(rule.rationale);
        for (const auto& value : rule.favourable) line += " favourable " + value;
        lines.push_back(line);
    }
    return lines;
}

}  // namespace cyberachat::definition_testing
