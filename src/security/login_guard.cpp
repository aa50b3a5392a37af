#include "security/login_guard.hpp"

#include <algorithm>
#include <utility>

namespace cyberachat::security {

namespace {

std::chrono::seconds at_least_one_second(WallClock::duration wait) {
    const auto seconds = std::chrono::ceil<std::chrono::seconds>(wait);
    return std::max(seconds, std::chrono::seconds(1));
}

long long epoch_milliseconds(WallClock::time_point time) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

}  // namespace

LoginGuard::LoginGuard(LoginCounterStore& store, LoginPolicy policy, Clock clock)
    : store_(store), policy_(policy), clock_(std::move(clock)) {}

// ---- Attempt ---------------------------------------------------------------------------------

LoginGuard::Attempt::Attempt(Attempt&& other) noexcept
    : guard_(std::exchange(other.guard_, nullptr)),
      account_(std::move(other.account_)),
      address_(std::move(other.address_)),
      reserved_at_(other.reserved_at_) {}

LoginGuard::Attempt& LoginGuard::Attempt::operator=(Attempt&& other) noexcept {
    if (this != &other) {
        if (guard_) guard_->finish(*this, Outcome::abandoned);
        guard_ = std::exchange(other.guard_, nullptr);
        account_ = std::move(other.account_);
        address_ = std::move(other.address_);
        reserved_at_ = other.reserved_at_;
    }
    return *this;
}

LoginGuard::Attempt::~Attempt() {
    if (guard_) guard_->finish(*this, Outcome::abandoned);
}

void LoginGuard::Attempt::failed() {
    if (auto* guard = std::exchange(guard_, nullptr)) guard->finish(*this, Outcome::failed);
}

void LoginGuard::Attempt::succeeded() {
    if (auto* guard = std::exchange(guard_, nullptr)) guard->finish(*this, Outcome::succeeded);
}

// ---- the logic, on the counters as loaded ------------------------------------------------------

// Failures after 15 quiet minutes, and the reservations of attempts that never ended (their
// instance died mid-check), no longer count.
void LoginGuard::forget_stale(LoginCounter& counter, WallClock::time_point now) const {
    if (counter.failures > 0 && now - counter.last_failure >= policy_.lockout) counter.failures = 0;
    std::erase_if(counter.in_flight, [&](WallClock::time_point reserved) { return now - reserved >= policy_.in_flight_limit; });
}

std::chrono::milliseconds LoginGuard::backoff(int failures) const {
    const int doublings = std::clamp(failures - policy_.failures_before_account_backoff, 0, 30);
    auto delay = policy_.backoff_start;
    for (int i = 0; i < doublings && delay < policy_.backoff_cap; ++i) delay *= 2;
    return std::min(delay, policy_.backoff_cap);
}

std::chrono::seconds LoginGuard::until_forgotten(const LoginCounter& counter, WallClock::time_point now) const {
    // Refused because of attempts still in progress: their failures would start the lockout now.
    if (counter.failures == 0) return std::chrono::ceil<std::chrono::seconds>(policy_.lockout);
    return at_least_one_second(counter.last_failure + policy_.lockout - now);
}

// How long to wait, when a rule refuses this attempt.
std::optional<std::chrono::seconds> LoginGuard::refusal(const LoginCounters& counters, const std::string& address,
                                                        WallClock::time_point now) const {
    const auto counted = [](const LoginCounter& counter) {
        return counter.failures + static_cast<int>(counter.in_flight.size());
    };
    if (counted(counters.pair) >= policy_.failures_per_account_and_address) return until_forgotten(counters.pair, now);
    if (counted(counters.address) >= policy_.failures_per_address) return until_forgotten(counters.address, now);
    const LoginCounter& of = counters.account;
    const bool known = std::find(of.known_addresses.begin(), of.known_addresses.end(), address) != of.known_addresses.end();
    if (!known && counted(of) >= policy_.failures_before_account_backoff) {
        // One at a time, each after the delay that the failures so far have earned.
        if (!of.in_flight.empty()) return std::chrono::seconds(1);
        const WallClock::time_point allowed = of.last_failure + backoff(of.failures);
        if (of.failures >= policy_.failures_before_account_backoff && now < allowed) return at_least_one_second(allowed - now);
    }
    return std::nullopt;
}

void LoginGuard::record(LoginCounters& counters, const std::string& address, WallClock::time_point reserved_at,
                        Outcome outcome, WallClock::time_point now) const {
    for (LoginCounter* counter : {&counters.pair, &counters.address, &counters.account}) {
        // Its own reservation (gone already if it outlived the in-flight limit).
        if (auto it = std::find(counter->in_flight.begin(), counter->in_flight.end(), reserved_at);
            it != counter->in_flight.end())
            counter->in_flight.erase(it);
        if (outcome == Outcome::failed) {
            ++counter->failures;
            counter->last_failure = now;
        }
    }
    if (outcome == Outcome::succeeded) {
        counters.pair.failures = 0;
        counters.account.failures = 0;
        auto& known = counters.account.known_addresses;
        known.erase(std::remove(known.begin(), known.end(), address), known.end());
        known.insert(known.begin(), address);
        if (known.size() > policy_.known_addresses_per_account) known.resize(policy_.known_addresses_per_account);
    }
}

// ---- decisions ------------------------------------------------------------------------------

// The store keeps milliseconds: a reservation is found again by its time only at that precision.
WallClock::time_point LoginGuard::now_in_milliseconds() const {
    return std::chrono::floor<std::chrono::milliseconds>(clock_());
}

LoginGuard::Decision LoginGuard::admit(const std::string& account, const std::string& address) {
    const WallClock::time_point now = now_in_milliseconds();
    clean_up_if_due(now);
    std::optional<std::chrono::seconds> refused;
    const bool stored = store_.update(account, address, [&](LoginCounters& counters) {
        for (LoginCounter* counter : {&counters.pair, &counters.address, &counters.account}) forget_stale(*counter, now);
        refused = refusal(counters, address, now);
        if (refused) return;
        for (LoginCounter* counter : {&counters.pair, &counters.address, &counters.account})
            counter->in_flight.push_back(now);
    });
    Decision decision;
    if (!stored) {
        decision.unavailable = true;
    } else if (refused) {
        decision.retry_after = *refused;
    } else {
        decision.attempt.emplace(Attempt(this, account, address, now));
    }
    return decision;
}

void LoginGuard::finish(const Attempt& attempt, Outcome outcome) {
    const WallClock::time_point now = now_in_milliseconds();
    // Not saved (the store logs why): the reservation stays counted until the in-flight limit.
    store_.update(attempt.account_, attempt.address_, [&](LoginCounters& counters) {
        for (LoginCounter* counter : {&counters.pair, &counters.address, &counters.account}) forget_stale(*counter, now);
        record(counters, attempt.address_, attempt.reserved_at_, outcome, now);
    });
}

// One guard at a time claims the next cleanup (the others' attempts go on meanwhile).
void LoginGuard::clean_up_if_due(WallClock::time_point now) {
    const long long now_ms = epoch_milliseconds(now);
    long long due = next_cleanup_ms_.load();
    if (now_ms < due) return;
    const long long next = now_ms + std::chrono::duration_cast<std::chrono::milliseconds>(policy_.cleanup_interval).count();
    if (!next_cleanup_ms_.compare_exchange_strong(due, next)) return;
    store_.forget_quiet(now - policy_.lockout, now - policy_.in_flight_limit);
}

}  // namespace cyberachat::security
