#pragma once
// End-of-support dates of operating systems, databases and Java runtimes (issue 16), as
// data/end-of-support/os-eol.json gives them (extracted from endoflife.date: see
// docs/end-of-support.md). The model keeps every date field of a release cycle; which one counts
// as "the end of support" is `end_of_support` below: the cycle's `eol` (Windows "Security
// Support", RHEL "Maintenance Support", Ubuntu "Maintenance & Security Support", Oracle "Premier
// Support"…), or its `support_end` when the data has no `eol`. Paid or limited extended updates
// (ESU, ELS, LTSS, Debian LTS, Oracle Extended Support) are `extended_support_end`: told, never
// counted. The parse is bounded: at most kMaxEndOfSupportBytes, nesting at most 8 levels.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace cyberachat {

inline constexpr size_t kMaxEndOfSupportBytes = 8u * 1024 * 1024;

// A date field of the data: a day, "ended, date not given" (true in the file), "not ended / no
// date set" (false) or absent (null or missing).
struct SupportDate {
    enum class Kind { absent, day, ended, open };
    Kind kind = Kind::absent;
    std::string day;  // "YYYY-MM-DD" when kind is day, "" otherwise

    bool known() const { return kind != Kind::absent; }
    bool operator==(const SupportDate&) const = default;
};

struct SupportCycle {
    std::string cycle;    // endoflife.date's id: "10-1809-e-lts", "8", "12.0-sp3", "2012-r2"
    std::string label;    // "10 1809 (E)", "11 (Bullseye)", "" when the data has none
    std::string release;  // "YYYY-MM-DD", "" when not given
    SupportDate support_end;           // active / mainstream support
    SupportDate eol;                   // security support / end of life
    SupportDate extended_support_end;  // paid or limited extended updates
    std::string latest;                // the latest release or build: "10.0.17763", "8.10", ""
    bool lts = false;                  // long-term (LTSC, LTS, …): true or a date in the file
    std::string link;                  // the vendor's page for this cycle, "" when none
};

// The vendor's names of the phases behind each date field ("" when endoflife.date has no such
// column for the product).
struct SupportColumns {
    std::string support_end;
    std::string eol;
    std::string extended_support_end;
};

struct SupportProduct {
    std::string key;          // "windows", "rhel", "mssqlserver", "oracle-jdk"…
    std::string title;        // "Microsoft Windows"
    std::string page;         // "https://endoflife.date/windows"
    std::string policy_link;  // the vendor's lifecycle policy, "" when none
    SupportColumns columns;
    std::vector<SupportCycle> cycles;  // in the file's order (newest first)

    const SupportCycle* find_cycle(std::string_view id) const;  // nullptr when absent
};

struct EndOfSupportData {
    std::string source;              // "endoflife.date (MIT licence), commit a70eca3… of 2026-08-22T…"
    std::string source_repository;   // "https://github.com/endoflife-date/endoflife.date"
    std::string source_commit;       // 40 hex digits
    std::string source_commit_date;  // "2026-08-22T08:52:34+00:00"
    std::string licence;             // "MIT"
    std::vector<SupportProduct> products;  // sorted by key

    const SupportProduct* find_product(std::string_view key) const;  // nullptr when absent
    // For citing: "endoflife.date, commit a70eca3, 2026-08-22".
    std::string citation() const;
};

// "YYYY-MM-DD" (digits in place; the data's and the callers' days, compared as text).
bool is_iso_day(std::string_view text);

// The date that counts as the end of support of `cycle`: its `eol` when the data gives one (a
// day, true or false), else its `support_end`; absent when neither is given.
SupportDate end_of_support(const SupportCycle& cycle);

// What a reader sees for a cycle: "Microsoft Windows 10 1809 (E)", "Microsoft Windows Server 2019"
// (the label already names the product), "Red Hat Enterprise Linux 8" (no label: the cycle id).
std::string cycle_display_name(const SupportProduct& product, const SupportCycle& cycle);

// Errors: "too_large" over kMaxEndOfSupportBytes; "json_too_deep", "bad_json"; "invalid_value"
// when the JSON does not have the schema (the message names the product and cycle at fault).
Result<EndOfSupportData> parse_end_of_support(std::string_view json);

}  // namespace cyberachat
