#include "definition/builtin_grid.hpp"

#include <stdexcept>

#include "definition/builtin_questionnaire.hpp"
#include "definition/grid_loader.hpp"
#include "embedded_files.hpp"

namespace cyberachat {

std::string_view builtin_afib_grid_yaml() { return embedded::file("questionnaires/afib-grid.yaml"); }

std::shared_ptr<const ScoringGrid> builtin_afib_grid() {
    static const std::shared_ptr<const ScoringGrid> grid = [] {
        auto loaded = load_grid(builtin_afib_grid_yaml(), kBuiltinAfibGridName, *builtin_afib());
        if (!loaded.ok()) throw std::runtime_error("the built-in grid does not load: " + loaded.errors.front().to_string());
        return loaded.grid;
    }();
    return grid;
}

}  // namespace cyberachat
