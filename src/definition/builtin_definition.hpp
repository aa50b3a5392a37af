#pragma once
// A questionnaire with its scoring grid, as parsed models and as their definition texts (YAML),
// and the built-in one: the AFIB questionnaire and its grid, compiled into the binary.
#include <memory>
#include <string>

#include "core/questionnaire.hpp"
#include "core/scoring_grid.hpp"

namespace cyberachat {

struct QuestionnaireDefinition {
    std::shared_ptr<const Questionnaire> questionnaire;
    std::string questionnaire_yaml;
    std::shared_ptr<const ScoringGrid> grid;
    std::string grid_id;
    std::string grid_version;
    std::string grid_yaml;
};

QuestionnaireDefinition builtin_afib_definition();

}  // namespace cyberachat
