#pragma once
// Where the questionnaires and scoring grids come from: the one new purchases get (today the
// built-in AFIB questionnaire and grid, definition/builtin_*.hpp) and the version each purchase was
// created with (stored with it, parsed once and kept in memory). The web layer and the services
// ask this provider; only the definition layer and the CLI name the built-in definitions.
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/questionnaire.hpp"
#include "core/result.hpp"
#include "core/scoring_grid.hpp"
#include "definition/builtin_definition.hpp"
#include "store/repositories.hpp"

namespace cyberachat::services {

class QuestionnaireProvider {
public:
    // `current`: the built-in AFIB questionnaire unless said otherwise.
    QuestionnaireProvider(store::Store& store, QuestionnaireDefinition current = builtin_afib_definition())
        : store_(store), current_(std::move(current)) {}

    // The questionnaire new purchases get, and the public pages show (help, blank workbook, charts).
    const std::shared_ptr<const Questionnaire>& current() const { return current_.questionnaire; }
    // The same with its grid and their texts.
    const QuestionnaireDefinition& current_definition() const { return current_; }
    // The same, stored (once) as a version.
    Result<QuestionnaireVersion> current_version();
    // Gives a purchase the current grid (a purchase keeps the grid it was given first).
    Result<StoredGrid> attach_current_grid(Id acquisition_id, const Actor& actor);
    // Whether `questionnaire` is the current one (its grid may then be attached on first use).
    bool is_current(const Questionnaire& questionnaire) const;

    // A stored version, by id: "not_found", or "storage" when it no longer loads.
    Result<std::shared_ptr<const Questionnaire>> get(Id version_id);

private:
    store::Store& store_;
    QuestionnaireDefinition current_;
    std::mutex mutex_;
    std::map<Id, std::shared_ptr<const Questionnaire>> loaded_;
};

}  // namespace cyberachat::services
