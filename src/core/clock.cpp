#include "core/clock.hpp"

#include "core/paris_time.hpp"

namespace cyberachat {

std::string Clock::now_iso() const { return iso_from_utc_seconds(now_utc_seconds()); }

const Clock& system_clock() {
    static const SystemClock clock;
    return clock;
}

}  // namespace cyberachat
