#include "core/deadline_notices.hpp"

#include <algorithm>

#include "core/deadline.hpp"
#include "core/paris_time.hpp"

namespace cyberachat {

std::optional<long long> reminder_due_at(std::string_view deadline, int days) {
    auto last = deadline_utc_seconds(deadline);
    if (!last) return std::nullopt;
    const CivilTime wall = paris_time_of(*last);
    CivilTime day = civil_from_days(days_from_civil(wall.year, wall.month, wall.day) - days);
    day.hour = 8;
    day.minute = 0;
    day.second = 0;
    return utc_seconds_of_paris(day);
}

std::vector<DeadlineNotice> plan_deadline_notices(const Acquisition& acquisition,
                                                  const std::vector<VendorResponse>& responses,
                                                  const std::vector<int>& reminder_days, long long now_utc_seconds) {
    std::vector<DeadlineNotice> out;
    if (acquisition.status != "open") return out;
    std::vector<int> offsets = reminder_days;
    std::sort(offsets.begin(), offsets.end());  // smallest (latest) first
    for (const VendorResponse& response : responses) {
        if (response.status == ResponseStatus::submitted || !response.withdrawn_at.empty()) continue;
        const std::string deadline = effective_deadline(acquisition, response);
        if (!deadline_utc_seconds(deadline)) continue;
        const std::string id = std::to_string(response.id);
        if (deadline_passed(deadline, now_utc_seconds)) {
            out.push_back({DeadlineNotice::Kind::deadline_missed, response.id, 0, deadline,
                           "deadline_missed:" + id + ":" + deadline});
            continue;
        }
        if (response.email.empty()) continue;
        const auto invited = utc_seconds_from_iso(response.created_at);
        for (int days : offsets) {
            if (days <= 0) continue;
            auto due = reminder_due_at(deadline, days);
            if (!due || now_utc_seconds < *due) continue;
            // The latest offset that has come; skipped if it came before the vendor was invited.
            if (!invited || *due >= *invited)
                out.push_back({DeadlineNotice::Kind::reminder, response.id, days, deadline,
                               "reminder:" + id + ":" + std::to_string(days) + ":" + deadline});
            break;
        }
    }
    return out;
}

}  // namespace cyberachat
