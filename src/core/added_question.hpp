#pragma once
// A question the lead added to one purchase (its own questionnaire, issue 15), and which of them
// are new to a vendor: those added after the vendor first opened its link. Answers are kept by
// question id, so nothing a vendor answered changes; the new ones are only marked for it.
#include <set>
#include <string>
#include <vector>

#include "core/acquisition.hpp"

namespace cyberachat {

struct AddedQuestion {
    std::string question_id;
    std::string added_at;  // UTC ISO-8601 with milliseconds ("2026-12-02T10:15:00.123Z")
    std::string added_by;  // "user:<email>" as the journal names it
};

// The ids in `added` added after `response` was first opened (none while it was never opened:
// everything is new to a vendor who has not started).
std::set<std::string> questions_new_to(const VendorResponse& response, const std::vector<AddedQuestion>& added);

}  // namespace cyberachat
