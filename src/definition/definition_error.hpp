#pragma once
#include <string>

namespace cyberachat {

// One mistake in a questionnaire definition, located for the person who edits the file.
struct DefinitionError {
    std::string file;
    int line = 0;          // 1-based; 0 when unknown
    std::string subject;   // "question 'dispositif.x'", "section '…'", or empty
    std::string message;   // in French

    // "afib.yaml:12: question 'dispositif.x' : message"
    std::string to_string() const;
};

}  // namespace cyberachat
