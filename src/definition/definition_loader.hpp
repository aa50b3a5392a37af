#pragma once
// Reads a questionnaire definition (YAML, see docs/questionnaire-format.md) into the core model,
// checking everything a person editing the file can get wrong. Never throws.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/questionnaire.hpp"
#include "definition/definition_error.hpp"

namespace cyberachat {

struct LoadedDefinition {
    std::shared_ptr<const Questionnaire> questionnaire;  // null when there are errors
    std::vector<DefinitionError> errors;
    bool ok() const { return errors.empty() && questionnaire; }
};

LoadedDefinition load_definition(std::string_view yaml_text, const std::string& file_name);
LoadedDefinition load_definition_file(const std::string& path);

}  // namespace cyberachat
