#pragma once
// Reads a questionnaire definition (YAML, see docs/questionnaire-format.md) into the core model,
// checking everything a person editing the file can get wrong. Never throws.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/questionnaire.hpp"
#include "definition/definition_error.hpp"

namespace YAML {
class Node;
}

namespace cyberachat {

struct LoadedDefinition {
    std::shared_ptr<const Questionnaire> questionnaire;  // null when there are errors
    std::vector<DefinitionError> errors;
    bool ok() const { return errors.empty() && questionnaire; }
};

LoadedDefinition load_definition(std::string_view yaml_text, const std::string& file_name);
LoadedDefinition load_definition_file(const std::string& path);
// The same over a document yaml-cpp has already parsed (held to the same budgets of depth and
// nodes): each mistake is on the line its node's mark gives, so a tree put together from several
// documents (an extension over its base, definition/extension_loader.hpp) reports each node at its
// line in its own document.
LoadedDefinition load_definition_tree(const YAML::Node& root, const std::string& file_name);

}  // namespace cyberachat
