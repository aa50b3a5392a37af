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
// In memory (lost at restart), each table bounded (10,000 entries: the idle ones go first, then
// those untouched longest; never one with an attempt in progress). Pure logic, no I/O; the clock
// is injectable for tests.
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace cyberachat::security {

struct LoginPolicy {
    int failures_per_account_and_address = 5;
    int failures_per_address = 20;
    std::chrono::seconds lockout{15 * 60};  // refusal after the last failure; quiet time that forgets
    int failures_before_account_backoff = 10;
    std::chrono::milliseconds backoff_start{1000};
    std::chrono::milliseconds backoff_cap{60'000};
    size_t known_addresses_per_account = 8;
    size_t max_entries = 10'000;  // per table
};

class LoginGuard {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    explicit LoginGuard(LoginPolicy policy = {}, Clock clock = [] { return std::chrono::steady_clock::now(); });
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
        Attempt(LoginGuard* guard, std::string account, std::string address)
            : guard_(guard), account_(std::move(account)), address_(std::move(address)) {}
        LoginGuard* guard_ = nullptr;
        std::string account_, address_;
    };

    struct Decision {
        std::optional<Attempt> attempt;       // set: the password may be checked
        std::chrono::seconds retry_after{0};  // otherwise: when trying again makes sense (≥ 1 s)
        bool admitted() const { return attempt.has_value(); }
    };

    // `account`: the e-mail as typed (normalized), whether or not an account has it.
    Decision admit(const std::string& account, const std::string& address);

    size_t tracked_entries() const;  // all tables together (bounded by 3 × max_entries)

private:
    using TimePoint = std::chrono::steady_clock::time_point;
    struct Counter {
        int failures = 0;
        int in_flight = 0;
        TimePoint last_failure{};
        TimePoint touched{};
        std::vector<std::string> known_addresses;  // accounts only: most recent first
    };
    using Table = std::unordered_map<std::string, Counter>;

    enum class Outcome { failed, succeeded, abandoned };
    void finish(const std::string& account, const std::string& address, Outcome outcome);

    void forget_if_quiet(Counter& counter, TimePoint now) const;
    Counter* find(Table& table, const std::string& key, TimePoint now);
    Counter& find_or_add(Table& table, const std::string& key, TimePoint now);
    void make_room(Table& table, TimePoint now);
    static bool idle(const Counter& counter) { return counter.failures == 0 && counter.in_flight == 0 && counter.known_addresses.empty(); }
    std::chrono::milliseconds backoff(int failures) const;
    std::chrono::seconds until_forgotten(const Counter& counter, TimePoint now) const;
    static std::string pair_key(const std::string& account, const std::string& address) { return account + '\n' + address; }

    LoginPolicy policy_;
    Clock clock_;
    mutable std::mutex mutex_;
    Table pairs_, addresses_, accounts_;
};

}  // namespace cyberachat::security
