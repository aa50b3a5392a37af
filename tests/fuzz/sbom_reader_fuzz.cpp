// Fuzz target: reading an uploaded SBOM (core/sbom.hpp) — CycloneDX or SPDX JSON, or anything else.
#include "core/sbom.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto sbom = cyberachat::parse_sbom(cyberachat::fuzz::as_text(data, size));
    if (sbom) {
        size_t characters = 0;
        for (const auto& component : sbom->components) characters += component.name.size() + component.identifier.size();
        (void)characters;
    } else {
        (void)sbom.error().message.fr.size();
    }
    return 0;
}
