#pragma once
// Reads a scoring grid (YAML, see docs/scoring-grid.md) against the questionnaire it scores,
// checking everything a person editing the file can get wrong: unknown question ids, favourable
// values that are not among the question's answers, conditions that do not parse or do not fit,
// missing severities or rationales. Never throws; errors are in French with their line.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/questionnaire.hpp"
#include "core/scoring_grid.hpp"
#include "definition/definition_error.hpp"

namespace YAML {
class Node;
}

namespace cyberachat {

struct LoadedGrid {
    std::shared_ptr<const ScoringGrid> grid;  // null when there are errors
    std::vector<DefinitionError> errors;
    bool ok() const { return errors.empty() && grid; }
};

LoadedGrid load_grid(std::string_view yaml_text, const std::string& file_name, const Questionnaire& questionnaire);
// The same over a document yaml-cpp has already parsed; each mistake on its node's line
// (see load_definition_tree).
LoadedGrid load_grid_tree(const YAML::Node& root, const std::string& file_name, const Questionnaire& questionnaire);

}  // namespace cyberachat
