#pragma once
// Operating systems, databases and Java runtimes as vendors write them ("Windows 10 IoT Enterprise
// LTSC 2019", "Win 7 SP1", "RHEL 8.6", "SQL Server 2014 Express", "Debian 11 bullseye") matched
// to release cycles of the end-of-support data (core/end_of_support.hpp). Nothing is guessed:
//  - a name and its version identify one cycle → recognised, `cycles` holds it;
//  - a name whose version, edition or service pack is not given ("Windows 10", "SQL Server
//    2016", "Java 8") → recognised with every cycle it may be (`cycles` several, `reason` says
//    what is missing); support_findings flags it only when every one of them is out of support
//    (the latest end of them is then certain), otherwise lists it as not recognised;
//  - a product without any version ("Windows", "Ubuntu"), a version the data does not have, a
//    product the data does not have → not recognised, with the reason.
// Case and accents do not matter; words are whole words ("Darwin" is not "win"). The rules and
// the abbreviations are in docs/end-of-support.md; the cases in tests/core/system_name_cases/.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/end_of_support.hpp"
#include "core/localized_text.hpp"

namespace cyberachat {

inline constexpr size_t kMaxSystemNameBytes = 1000;          // one declared name (+ version)
inline constexpr size_t kMaxScannedTextBytes = 64u * 1024;   // a free-text answer: the first 64 KiB are read
inline constexpr size_t kMaxMentionsPerText = 50;            // mentions kept from one free-text answer

// A release cycle of the data: product key and cycle id ("windows", "10-1809-e-lts").
struct CycleRef {
    std::string product;
    std::string cycle;
    bool operator==(const CycleRef&) const = default;
    auto operator<=>(const CycleRef&) const = default;
};

struct SystemMatch {
    bool recognised = false;      // at least one cycle
    std::vector<CycleRef> cycles;  // one: identified; several: any of them (see `reason`); sorted
    std::string product;          // the product named ("windows", "mssqlserver"), "" when none;
                                  // set when not recognised too, if the product was named
    LocalizedText reason;         // why not one cycle ("version manquante", "édition non précisée",
                                  // "absent des données…"); empty when exactly identified

    bool exact() const { return recognised && cycles.size() == 1; }
};

// One declared name, with the version an SBOM gives apart ("" when none). The whole text names one
// system. Not recognised with a reason when it names none the data knows, names one without a
// version, or is longer than kMaxSystemNameBytes.
SystemMatch match_system_name(const EndOfSupportData& data, std::string_view name, std::string_view version = {});

struct SystemMention {
    std::string words;  // the text's words that name it, as written: "Windows 10 IoT Enterprise LTSC 2019"
    size_t offset = 0;  // byte offset of `words` in the text
    SystemMatch match;
};

// The systems a free-text answer names, in the order of the text (French or English prose, several
// systems). Only a product followed by a version (or an edition or codename that identifies one)
// is a mention: "compatible Windows" or "sous Linux" is none. Reads the first
// kMaxScannedTextBytes bytes; keeps at most kMaxMentionsPerText mentions.
std::vector<SystemMention> find_systems_in_text(const EndOfSupportData& data, std::string_view text);

}  // namespace cyberachat
