// Fuzz target: composing a questionnaire uploaded to the library (definition/extension_loader.hpp)
// — a whole definition, perhaps with its scoring_grid, or an extension of the built-in AFIB
// definition —, then the engine over the composed questionnaire with no answers.
#include <string>

#include "core/engine.hpp"
#include "definition/builtin_definition.hpp"
#include "definition/extension_loader.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const cyberachat::QuestionnaireDefinition builtin = cyberachat::builtin_afib_definition();
    const auto composed = cyberachat::compose_definition(
        cyberachat::fuzz::as_text(data, size), "fuzz.yaml",
        [](const std::string& id, const std::string& version) -> std::optional<cyberachat::QuestionnaireDefinition> {
            if (id != builtin.questionnaire->id || version != builtin.questionnaire->version) return std::nullopt;
            return builtin;
        });
    if (composed.ok()) {
        const cyberachat::Evaluation evaluation =
            cyberachat::evaluate(*composed.definition.questionnaire, cyberachat::AnswerSet{});
        (void)evaluation.sections.size();
    }
    for (const auto& error : composed.errors) (void)error.message.size();
    return 0;
}
