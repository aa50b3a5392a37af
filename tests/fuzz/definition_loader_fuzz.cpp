// Fuzz target: the YAML questionnaire loader (definition/definition_loader.hpp), then the engine
// over the loaded questionnaire with no answers (visibility, progress), as the server does first.
#include <string>

#include "core/engine.hpp"
#include "definition/definition_loader.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto loaded = cyberachat::load_definition(cyberachat::fuzz::as_text(data, size), "fuzz.yaml");
    if (loaded.ok()) {
        const cyberachat::Evaluation evaluation = cyberachat::evaluate(*loaded.questionnaire, cyberachat::AnswerSet{});
        (void)evaluation.sections.size();
    }
    for (const auto& error : loaded.errors) (void)error.message.size();
    return 0;
}
