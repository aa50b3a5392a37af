#pragma once
// Where the login guard (security/login_guard.hpp) keeps its counters: somewhere every instance of
// the server sees (the database: store::LoginCounterRepository), so that a limit reached through
// one instance holds on all of them. The guard decides; the store only loads and saves, in one
// atomic step per attempt. Times are wall-clock (system_clock): instances share no steady clock.
#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace cyberachat::security {

using WallClock = std::chrono::system_clock;

// What is remembered about one key: an account and an address together, an address, an account.
struct LoginCounter {
    int failures = 0;                              // since the last 15 quiet minutes
    WallClock::time_point last_failure{};          // when the last one was counted
    std::vector<WallClock::time_point> in_flight;  // when each attempt in progress took its place
    std::vector<std::string> known_addresses;      // accounts only: where it last logged in from, most recent first

    // Nothing to remember: the store deletes it.
    bool idle() const { return failures == 0 && in_flight.empty() && known_addresses.empty(); }
    bool operator==(const LoginCounter&) const = default;
};

// The three counters one attempt touches (absent ones come as empty counters).
struct LoginCounters {
    LoginCounter pair, address, account;
};

class LoginCounterStore {
public:
    virtual ~LoginCounterStore() = default;

    // One atomic step against every other call on the same store, from any instance: loads the
    // counters of `account`, `address` and both together, lets `change` change them, saves them
    // (deleting the idle ones). False when they could not be loaded or saved: nothing was saved
    // then, and what `change` decided must not be acted upon (the guard refuses: fail closed).
    virtual bool update(const std::string& account, const std::string& address,
                        const std::function<void(LoginCounters&)>& change) = 0;

    // Deletes the counters that hold nothing any more: no known address, their last failure
    // before `failures_before` (forgotten) and every reservation before `reservations_before`
    // (abandoned by an instance that died mid-check). Failures are logged, not returned: the
    // next cleanup tries again.
    virtual void forget_quiet(WallClock::time_point failures_before, WallClock::time_point reservations_before) = 0;
};

}  // namespace cyberachat::security
