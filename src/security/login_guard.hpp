#pragma once
// Which login attempts may go on to a password check. An attempt reserves its place before the
// password is hashed: attempts in progress count as failures until they end, so N parallel
// guesses can never get past a limit that N sequential ones would hit.
//
// Three rules, none of which lets someone lock another person out from elsewhere:
// - per account and client address: 5 failures → refused until 15 minutes after the last one;
// - per client address, whatever the accounts tried (password spraying): 20 failures → the same;
// - per account, from every address together: past 10 failures, one attempt at a time, each
//   1 s, 2 s, 4 s… (at most 60 s) after the previous failure — a delay, never a lockout — and
//   not applied to the addresses this account last logged in from (its 8 most recent).
// A success forgets the account's failures (not the address's: logging into one's own account
// does not buy more guesses at others). Failures are forgotten after 15 quiet minutes.
//
// The counters live in a LoginCounterStore (the database, shared by every instance: a lockout
// set through one instance holds on the others; it survives restarts). An attempt in progress
// for longer than 2 minutes is no longer counted (its instance died mid-check). Counters with
// nothing left to remember are deleted when their attempt ends, and the quiet ones by a cleanup
// that each guard runs at most once a minute. When the store cannot be read or written, every
// attempt is refused (Decision::unavailable): the guard fails closed, never open.
// The logic is pure apart from the store; the wall clock is injectable for tests.
#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "security/login_counter_store.hpp"

namespace cyberachat::security {

struct LoginPolicy {
    int failures_per_account_and_address = 5;
    int failures_per_address = 20;
    std::chrono::seconds lockout{15 * 60};  // refusal after the last failure; quiet time that forgets
    int failures_before_account_backoff = 10;
    std::chrono::milliseconds backoff_start{1000};
    std::chrono::milliseconds backoff_cap{60'000};
    size_t known_addresses_per_account = 8;
    std::chrono::seconds in_flight_limit{120};     // an attempt in progress longer: no longer counted
    std::chrono::seconds cleanup_interval{60};     // at most one cleanup of quiet counters per guard
};

class LoginGuard {
public:
    using Clock = std::function<WallClock::time_point()>;

    explicit LoginGuard(LoginCounterStore& store, LoginPolicy policy = {},
                        Clock clock = [] { return WallClock::now(); });
    LoginGuard(const LoginGuard&) = delete;
    LoginGuard& operator=(const LoginGuard&) = delete;

    // A reserved place. Say how it ended; dropped without a word (the check could not run: the
    // server was busy), it is given back without counting as a failure.
    class Attempt {
    public:
        Attempt(Attempt&& other) noexcept;
        Attempt& operator=(Attempt&& other) noexcept;
        Attempt(const Attempt&) = delete;
        Attempt& operator=(const Attempt&) = delete;
        ~Attempt();

        void failed();     // counts as a failure for the account, the address and both together
        void succeeded();  // forgets the account's failures; remembers the address as the account's

    private:
        friend class LoginGuard;
        Attempt(LoginGuard* guard, std::string account, std::string address, WallClock::time_point reserved_at)
            : guard_(guard), account_(std::move(account)), address_(std::move(address)), reserved_at_(reserved_at) {}
        LoginGuard* guard_ = nullptr;
        std::string account_, address_;
        WallClock::time_point reserved_at_{};
    };

    struct Decision {
        std::optional<Attempt> attempt;       // set: the password may be checked
        std::chrono::seconds retry_after{0};  // otherwise: when trying again makes sense (≥ 1 s)
        bool unavailable = false;             // or: the counters could not be read or saved (refused)
        bool admitted() const { return attempt.has_value(); }
    };

    // `account`: the e-mail as typed (normalized), whether or not an account has it.
    Decision admit(const std::string& account, const std::string& address);

private:
    enum class Outcome { failed, succeeded, abandoned };
    void finish(const Attempt& attempt, Outcome outcome);

    // The pure logic, on the counters as loaded.
    void forget_stale(LoginCounter& counter, WallClock::time_point now) const;
    std::optional<std::chrono::seconds> refusal(const LoginCounters& counters, const std::string& address,
                                                WallClock::time_point now) const;
    void record(LoginCounters& counters, const std::string& address, WallClock::time_point reserved_at,
                Outcome outcome, WallClock::time_point now) const;
    std::chrono::milliseconds backoff(int failures) const;
    std::chrono::seconds until_forgotten(const LoginCounter& counter, WallClock::time_point now) const;
    void clean_up_if_due(WallClock::time_point now);
    WallClock::time_point now_in_milliseconds() const;

    LoginCounterStore& store_;
    LoginPolicy policy_;
    Clock clock_;
    std::atomic<long long> next_cleanup_ms_{0};
};

}  // namespace cyberachat::security
