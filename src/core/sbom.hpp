#pragma once
// A software bill of materials a vendor uploads (issue 16): CycloneDX JSON (spec 1.2 to 1.6) or
// SPDX JSON (2.2, 2.3), read into the list of installed software the AFIB questionnaire asks for —
// name, version, supplier, identifier (purl, else CPE), type — with a summary: how many components
// were declared, the duplicates merged, the operating systems found. The parse is bounded: a text
// of at most kMaxSbomBytes, nesting at most kMaxJsonDepth (core/bounded_json.hpp), at most
// kMaxSbomComponents components; anything else gets a clear French and English message.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace cyberachat {

inline constexpr size_t kMaxSbomBytes = 32u * 1024 * 1024;
inline constexpr size_t kMaxSbomComponents = 100000;

struct SbomComponent {
    std::string name;
    std::string version;
    std::string supplier;    // "" : not given (SPDX "NOASSERTION" too)
    std::string identifier;  // a purl ("pkg:…"), else a CPE ("cpe:2.3:…"), else ""
    std::string type;        // CycloneDX's type ("application", "library", "operating-system", …);
                             // SPDX's primaryPackagePurpose in the same words ("operating-system"…)
};

struct Sbom {
    std::string format;   // "CycloneDX" | "SPDX"
    std::string version;  // "1.5", "2.3"
    std::string subject;  // what the SBOM describes (CycloneDX metadata.component), "" when not said
    std::vector<SbomComponent> components;  // in the file's order, duplicates merged
    size_t declared = 0;                     // components in the file (nested ones included)
    size_t merged_duplicates = 0;            // the same name and version declared again
    size_t without_name = 0;                 // left out: a component must have a name
    std::vector<std::string> operating_systems;  // "Windows 10 IoT Enterprise LTSC 2019 10.0.17763"
};

// Errors: "invalid_value" (not JSON, too deep, neither format, a version not supported, a list that
// is not a list, too many components, too large).
Result<Sbom> parse_sbom(std::string_view text);

}  // namespace cyberachat
