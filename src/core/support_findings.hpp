#pragma once
// The "points de vigilance" of end of support (issue 16): given the systems a response declares
// (answers to its questions, its SBOM), today and the equipment's expected end of use, which are
// out of support today, which will be before the end of use, which are supported through it, and
// which names are not recognised. Pure: the same input gives the same report, in the same order.
//
// A system matched to one cycle (core/system_name_matcher.hpp) is judged on that cycle's end of
// support (core/end_of_support.hpp: `eol`, else `support_end`). A system that may be several
// cycles (version or edition not given) is judged on the latest end among them, and only when
// that settles it: all ended → ended; all end before the end of use → ends before the end of use
// ("at the latest"); otherwise it is listed as not recognised with the reason and the range.
#include <string>
#include <string_view>
#include <vector>

#include "core/end_of_support.hpp"
#include "core/localized_text.hpp"
#include "core/result.hpp"
#include "core/system_name_matcher.hpp"

namespace cyberachat {

inline constexpr size_t kMaxDeclaredSystems = 10000;

enum class DeclaredAs {
    system_name,  // the text names one system (an answer to "which OS?", an SBOM operating system):
                  // not recognised, it is listed
    component,    // an SBOM component of any kind: reported only when it names a system of the data
    free_text,    // prose: every system it mentions (find_systems_in_text); none, nothing listed
};

struct DeclaredSystem {
    std::string text;     // "Windows 10 IoT Enterprise LTSC 2019", or a whole free-text answer
    std::string version;  // an SBOM component's version apart, "" otherwise
    std::string source;   // where it came from, opaque: a question id ("p1.os_version"), "sbom"
    DeclaredAs as = DeclaredAs::system_name;
};

enum class SupportStatus {
    ended,                   // end of support on or before today
    ends_before_end_of_use,  // after today, before the expected end of use
    supported,               // through the end of use (or no end announced)
};
std::string_view support_status_name(SupportStatus status);  // "ended", "ends_before_end_of_use", "supported"

struct SupportAssessment {
    SupportStatus status = SupportStatus::supported;
    CycleRef cycle;                // the cycle judged (of several possible: the one ending last)
    std::string product_title;     // "Microsoft Windows"
    std::string cycle_name;        // "Microsoft Windows 10 1809 (E)" (cycle_display_name)
    std::string end_date;          // "YYYY-MM-DD"; "" when ended without a date, or no end announced
    std::string extended_support_end;  // paid/limited extended updates until "YYYY-MM-DD", "" when none
    std::string end_phase;         // the vendor's name of the phase that ends ("Security Support")
    std::string extended_phase;    // the vendor's name of the extended phase ("Extended Security Updates")
    std::string link;              // the vendor's page for the cycle, "" when none
    std::string page;              // the endoflife.date page of the product
    bool at_the_latest = false;    // several cycles possible: end_date is the latest of them
    LocalizedText uncertainty;     // then why ("version manquante"), empty otherwise
    std::vector<std::string> declared;  // the words as declared, each once, in order of appearance
    std::vector<std::string> sources;   // each once, sorted
};

struct UnrecognisedSystem {
    std::string text;                  // as declared (first spelling seen)
    std::string product;               // the product named, when one was ("windows"), else ""
    LocalizedText reason;
    std::vector<std::string> sources;  // each once, sorted
};

struct SupportReport {
    std::vector<SupportAssessment> findings;   // ended first, then ends_before_end_of_use; by end date
    std::vector<SupportAssessment> supported;  // by product title, then cycle name
    std::vector<UnrecognisedSystem> not_recognised;  // by text (case and accents ignored)
    std::string citation;                      // "endoflife.date, commit a70eca3, 2026-08-22"
};

// `today` and `end_of_use` are "YYYY-MM-DD"; `end_of_use` may be "" (not known: nothing is then
// "before the end of use", a system not ended is supported). Errors: "invalid_value" for a date
// that is not YYYY-MM-DD; "too_large" for more than kMaxDeclaredSystems systems.
Result<SupportReport> assess_support(const EndOfSupportData& data, const std::vector<DeclaredSystem>& systems,
                                     std::string_view today, std::string_view end_of_use);

}  // namespace cyberachat
