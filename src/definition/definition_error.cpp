#include "definition/definition_error.hpp"

namespace cyberachat {

std::string DefinitionError::to_string() const {
    std::string text = file;
    if (line > 0) text += ":" + std::to_string(line);
    text += ": ";
    if (!subject.empty()) text += subject + " : ";
    return text + message;
}

}  // namespace cyberachat
