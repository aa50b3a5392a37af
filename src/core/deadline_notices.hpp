#pragma once
// Which deadline e-mails are due now (pure, driven by the caller's clock): reminders to vendors
// that have not submitted, at offsets before their deadline, and the team's notice that a
// vendor's deadline passed without submission. Each comes with the key that makes it go once.
//
// A reminder for offset N is due from 08:00 Paris time on the Paris calendar day N days before
// the deadline's day, until the deadline. When several offsets have passed, only the latest (the
// smallest N) is planned: the earlier ones are skipped for good. An offset whose time had passed
// before the vendor was invited (VendorResponse::created_at) is skipped too. None for a purchase
// that is not open, a vendor submitted or withdrawn, without an e-mail, or without a deadline.
#include <string>
#include <vector>

#include "core/acquisition.hpp"

namespace cyberachat {

struct DeadlineNotice {
    enum class Kind { reminder, deadline_missed };
    Kind kind = Kind::reminder;
    Id response_id = 0;
    int days = 0;            // reminders: the offset (days before the deadline)
    std::string deadline;    // the deadline that holds for the vendor (effective_deadline)
    std::string dedup_key;   // "reminder:<response>:<days>:<deadline>" | "deadline_missed:<response>:<deadline>"
};

// The instant (UTC seconds) from which the reminder `days` before `deadline` is due; nullopt for an invalid deadline.
std::optional<long long> reminder_due_at(std::string_view deadline, int days);

std::vector<DeadlineNotice> plan_deadline_notices(const Acquisition& acquisition,
                                                  const std::vector<VendorResponse>& responses,
                                                  const std::vector<int>& reminder_days, long long now_utc_seconds);

}  // namespace cyberachat
