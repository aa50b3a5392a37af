#pragma once
// Until when a purchase's equipment is expected to be used (issue 16): the date the lead sets
// (Acquisition::expected_end_of_use), else seven years after the purchase's deadline, else seven
// years after its creation. A system whose support ends before that date is a point de vigilance.
#include <string>
#include <string_view>

#include "core/acquisition.hpp"

namespace cyberachat {

inline constexpr int kDefaultYearsOfUse = 7;

// "YYYY-MM-DD", a real date between 2000-01-01 and 2100-12-31.
bool valid_end_of_use(std::string_view date);

struct EndOfUse {
    std::string date;         // "YYYY-MM-DD"
    bool set_by_lead = false; // false: the default (deadline or creation + 7 years)
};

EndOfUse expected_end_of_use(const Acquisition& acquisition);

// `date` ("YYYY-MM-DD…") plus `years`, 29 February becoming 28 February; "" when `date` is not a date.
std::string add_years(std::string_view date, int years);

}  // namespace cyberachat
