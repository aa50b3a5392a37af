// Fuzz target: the show_if condition parser (core/condition_parser.hpp), then what the loader does
// with a parsed condition (walk it for its question ids).
#include <vector>

#include "core/condition_parser.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto parsed = cyberachat::parse_condition(cyberachat::fuzz::as_text(data, size));
    if (parsed) {
        std::vector<const cyberachat::Condition*> mentioned;
        parsed.value()->collect_question_ids(mentioned);
    } else {
        (void)parsed.error().message.fr.size();
    }
    return 0;
}
