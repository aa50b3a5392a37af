#pragma once
// A questionnaire the hospital adds to its library (docs/questionnaire-format.md, "Extensions"):
// either a whole definition (the questionnaire format, optionally with its scoring grid under a
// top-level `scoring_grid:` key, in the grid format), or an EXTENSION of a version it already has
// — a small overlay that adds sections or questions after a given id, makes a question required
// or optional, hides a question, adds a note or a help text, and adds rules to the scoring grid.
// Composing gives the full questionnaire and grid, as models and as self-contained YAML texts
// (what is stored, exported in archives and served from then on), or the mistakes, each with its
// line in the uploaded text — the same precise errors as `cyberachat template check`.
// Never throws (nor may find_base); nothing is kept when there is an error.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/localized_text.hpp"
#include "definition/builtin_definition.hpp"
#include "definition/definition_error.hpp"

namespace cyberachat {

// The largest text compose_definition accepts (a longer one is one error, "fichier trop
// volumineux"). It also refuses a text nesting deeper than 64 levels (indentation and brackets,
// measured before parsing) and a tree deeper than 32 levels or of more than 1,000,000 nodes.
inline constexpr size_t kMaxComposedDefinitionBytes = 2u * 1024 * 1024;

// Finds a base an extension names (`extends: {questionnaire: afib, version: "2024.3"}`).
using BaseDefinitionFinder =
    std::function<std::optional<QuestionnaireDefinition>(const std::string& questionnaire_id, const std::string& version)>;

struct ComposedDefinition {
    QuestionnaireDefinition definition;  // when ok: questionnaire + its YAML; grid (+ id, version, YAML) when it has one
    bool extension = false;              // the text was an extension
    std::string base_questionnaire_id;   // an extension's base
    std::string base_version;
    LocalizedText description;           // an extension's `description` (for the library), else empty
    std::vector<DefinitionError> errors;
    bool ok() const { return errors.empty() && definition.questionnaire != nullptr; }
};

ComposedDefinition compose_definition(std::string_view text, const std::string& file_name,
                                      const BaseDefinitionFinder& find_base);

}  // namespace cyberachat
