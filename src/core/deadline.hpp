#pragma once
// Deadlines of a tender. A deadline is written "YYYY-MM-DD" (the end of that day: 23:59:59 Paris
// time) or "YYYY-MM-DDTHH:MM" (that minute, Paris time, as tender notices give it: "15/01/2027 à
// 12 h 00"). A purchase has one for every vendor; the lead may extend it for one vendor
// (VendorResponse::deadline), which then replaces the purchase's for that vendor.
#include <optional>
#include <string>
#include <string_view>

#include "core/acquisition.hpp"
#include "core/localized_text.hpp"

namespace cyberachat {

bool valid_deadline(std::string_view deadline);  // either form, a real date and time
// The last instant (UTC seconds) at which a change is still accepted; nullopt: none (empty) or invalid.
std::optional<long long> deadline_utc_seconds(std::string_view deadline);
// The deadline that holds for this vendor: its own extension, else the purchase's ("" : none).
std::string effective_deadline(const Acquisition& acquisition, const VendorResponse& response);
// True once `now` is after the deadline (never for an empty or invalid one).
bool deadline_passed(std::string_view deadline, long long now_utc_seconds);
// "31/03/2027 à 23 h 59 (heure de Paris, CEST)" / "31 March 2027, 23:59 (Paris time, CEST)"; "" for none.
std::string format_deadline(std::string_view deadline, Language language);

}  // namespace cyberachat
