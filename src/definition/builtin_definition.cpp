#include "definition/builtin_definition.hpp"

#include "definition/builtin_grid.hpp"
#include "definition/builtin_questionnaire.hpp"

namespace cyberachat {

QuestionnaireDefinition builtin_afib_definition() {
    QuestionnaireDefinition definition;
    definition.questionnaire = builtin_afib();
    definition.questionnaire_yaml = std::string(builtin_afib_yaml());
    definition.grid = builtin_afib_grid();
    definition.grid_id = definition.grid->id;
    definition.grid_version = definition.grid->version;
    definition.grid_yaml = std::string(builtin_afib_grid_yaml());
    return definition;
}

}  // namespace cyberachat
