#include "security/login_guard.hpp"

#include <algorithm>
#include <utility>

namespace cyberachat::security {

namespace {

std::chrono::seconds at_least_one_second(std::chrono::steady_clock::duration wait) {
    const auto seconds = std::chrono::ceil<std::chrono::seconds>(wait);
    return std::max(seconds, std::chrono::seconds(1));
}

}  // namespace

LoginGuard::LoginGuard(LoginPolicy policy, Clock clock) : policy_(policy), clock_(std::move(clock)) {}

// ---- Attempt ---------------------------------------------------------------------------------

LoginGuard::Attempt::Attempt(Attempt&& other) noexcept
    : guard_(std::exchange(other.guard_, nullptr)), account_(std::move(other.account_)), address_(std::move(other.address_)) {}

LoginGuard::Attempt& LoginGuard::Attempt::operator=(Attempt&& other) noexcept {
    if (this != &other) {
        if (guard_) guard_->finish(account_, address_, Outcome::abandoned);
        guard_ = std::exchange(other.guard_, nullptr);
        account_ = std::move(other.account_);
        address_ = std::move(other.address_);
    }
    return *this;
}

LoginGuard::Attempt::~Attempt() {
    if (guard_) guard_->finish(account_, address_, Outcome::abandoned);
}

void LoginGuard::Attempt::failed() {
    if (auto* guard = std::exchange(guard_, nullptr)) guard->finish(account_, address_, Outcome::failed);
}

void LoginGuard::Attempt::succeeded() {
    if (auto* guard = std::exchange(guard_, nullptr)) guard->finish(account_, address_, Outcome::succeeded);
}

// ---- the tables ------------------------------------------------------------------------------

void LoginGuard::forget_if_quiet(Counter& counter, TimePoint now) const {
    if (counter.failures > 0 && now - counter.last_failure >= policy_.lockout) counter.failures = 0;
}

LoginGuard::Counter* LoginGuard::find(Table& table, const std::string& key, TimePoint now) {
    auto it = table.find(key);
    if (it == table.end()) return nullptr;
    forget_if_quiet(it->second, now);
    return &it->second;
}

LoginGuard::Counter& LoginGuard::find_or_add(Table& table, const std::string& key, TimePoint now) {
    if (Counter* existing = find(table, key, now)) return *existing;
    if (table.size() >= policy_.max_entries) make_room(table, now);
    return table[key];
}

// Idle entries first (nothing to remember once their failures are forgotten); if none, the entry
// untouched longest. Never one with an attempt in progress: its Attempt will come back to it.
void LoginGuard::make_room(Table& table, TimePoint now) {
    bool removed = false;
    for (auto it = table.begin(); it != table.end();) {
        forget_if_quiet(it->second, now);
        if (idle(it->second)) {
            it = table.erase(it);
            removed = true;
        } else {
            ++it;
        }
    }
    if (removed) return;
    auto oldest = table.end();
    for (auto it = table.begin(); it != table.end(); ++it)
        if (it->second.in_flight == 0 && (oldest == table.end() || it->second.touched < oldest->second.touched)) oldest = it;
    if (oldest != table.end()) table.erase(oldest);
}

std::chrono::milliseconds LoginGuard::backoff(int failures) const {
    const int doublings = std::clamp(failures - policy_.failures_before_account_backoff, 0, 30);
    auto delay = policy_.backoff_start;
    for (int i = 0; i < doublings && delay < policy_.backoff_cap; ++i) delay *= 2;
    return std::min(delay, policy_.backoff_cap);
}

std::chrono::seconds LoginGuard::until_forgotten(const Counter& counter, TimePoint now) const {
    // Refused because of attempts still in progress: their failures would start the lockout now.
    if (counter.failures == 0) return std::chrono::ceil<std::chrono::seconds>(policy_.lockout);
    return at_least_one_second(counter.last_failure + policy_.lockout - now);
}

// ---- decisions ------------------------------------------------------------------------------

LoginGuard::Decision LoginGuard::admit(const std::string& account, const std::string& address) {
    std::lock_guard lock(mutex_);
    const TimePoint now = clock_();
    Decision decision;
    const std::string key = pair_key(account, address);

    if (Counter* pair = find(pairs_, key, now);
        pair && pair->failures + pair->in_flight >= policy_.failures_per_account_and_address) {
        decision.retry_after = until_forgotten(*pair, now);
        return decision;
    }
    if (Counter* from = find(addresses_, address, now);
        from && from->failures + from->in_flight >= policy_.failures_per_address) {
        decision.retry_after = until_forgotten(*from, now);
        return decision;
    }
    if (Counter* of = find(accounts_, account, now)) {
        const bool known = std::find(of->known_addresses.begin(), of->known_addresses.end(), address) != of->known_addresses.end();
        if (!known && of->failures + of->in_flight >= policy_.failures_before_account_backoff) {
            // One at a time, each after the delay that the failures so far have earned.
            if (of->in_flight > 0) {
                decision.retry_after = std::chrono::seconds(1);
                return decision;
            }
            const TimePoint allowed = of->last_failure + backoff(of->failures);
            if (of->failures >= policy_.failures_before_account_backoff && now < allowed) {
                decision.retry_after = at_least_one_second(allowed - now);
                return decision;
            }
        }
    }

    for (Counter* counter : {&find_or_add(pairs_, key, now), &find_or_add(addresses_, address, now),
                             &find_or_add(accounts_, account, now)}) {
        ++counter->in_flight;
        counter->touched = now;
    }
    decision.attempt.emplace(Attempt(this, account, address));
    return decision;
}

void LoginGuard::finish(const std::string& account, const std::string& address, Outcome outcome) {
    std::lock_guard lock(mutex_);
    const TimePoint now = clock_();
    const std::string key = pair_key(account, address);
    Counter& pair = find_or_add(pairs_, key, now);
    Counter& from = find_or_add(addresses_, address, now);
    Counter& of = find_or_add(accounts_, account, now);
    for (Counter* counter : {&pair, &from, &of}) {
        counter->in_flight = std::max(0, counter->in_flight - 1);
        counter->touched = now;
        if (outcome == Outcome::failed) {
            ++counter->failures;
            counter->last_failure = now;
        }
    }
    if (outcome == Outcome::succeeded) {
        pair.failures = 0;
        of.failures = 0;
        auto& known = of.known_addresses;
        known.erase(std::remove(known.begin(), known.end(), address), known.end());
        known.insert(known.begin(), address);
        if (known.size() > policy_.known_addresses_per_account) known.resize(policy_.known_addresses_per_account);
    }
    if (idle(pair)) pairs_.erase(key);
    if (idle(from)) addresses_.erase(address);
    if (idle(of)) accounts_.erase(account);
}

size_t LoginGuard::tracked_entries() const {
    std::lock_guard lock(mutex_);
    return pairs_.size() + addresses_.size() + accounts_.size();
}

}  // namespace cyberachat::security
