#include "definition/builtin_questionnaire.hpp"

#include <stdexcept>

#include "definition/definition_loader.hpp"
#include "embedded_files.hpp"

namespace cyberachat {

std::string_view builtin_afib_yaml() { return embedded::file("questionnaires/afib.yaml"); }

std::shared_ptr<const Questionnaire> builtin_afib() {
    static const std::shared_ptr<const Questionnaire> questionnaire = [] {
        auto loaded = load_definition(builtin_afib_yaml(), kBuiltinAfibName);
        if (!loaded.ok()) throw std::runtime_error("the built-in questionnaire does not load: " + loaded.errors.front().to_string());
        return loaded.questionnaire;
    }();
    return questionnaire;
}

}  // namespace cyberachat
