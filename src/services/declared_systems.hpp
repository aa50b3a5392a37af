#pragma once
// The operating systems and databases a response declares, and whether they are supported until
// the equipment's expected end of use (issue 16): every text answer (free text: "PC sous Windows 10
// IoT Enterprise LTSC 2019, base SQL Server 2014") and every row of the software list (an SBOM's
// "operating-system" components as system names, the others as components), judged against the
// end-of-support data compiled into the binary (data/end-of-support/, docs/end-of-support.md).
// Hidden answers (another branch) are left out. For the hospital only: never shown to a vendor.
#include <string>
#include <vector>

#include "core/support_findings.hpp"
#include "services/response_service.hpp"

namespace cyberachat::services {

// What the response declares, in questionnaire order; `source` is the question id.
std::vector<DeclaredSystem> declared_systems(const ResponseSnapshot& snapshot);

// The report for this response on `today` ("YYYY-MM-DD"), against the purchase's expected end of
// use (core/end_of_use.hpp). An empty report when the data says nothing of what is declared.
SupportReport assess_declared_systems(const ResponseSnapshot& snapshot, const std::string& today);

// "YYYY-MM-DD" in Paris of `utc_seconds` (the day the hospital reads the report).
std::string paris_day(long long utc_seconds);

}  // namespace cyberachat::services
