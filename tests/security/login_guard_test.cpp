// The login guard: attempts reserve their place before the password is checked, so parallel
// guesses never get past a limit; addresses are independent; an account under attack is slowed
// (a capped backoff), never locked; its usual addresses are not slowed; an attempt whose instance
// died stops counting; quiet counters are cleaned up; a store that fails refuses every attempt.
// The logic over an in-memory store (the database's: tests/store/login_counter_repository_test.cpp).
#include "security/login_guard.hpp"

#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <vector>

#include "parallel_login_attempts.hpp"

namespace cyberachat::security {
namespace login_guard_test {

using namespace std::chrono_literals;

// A clock the test moves by hand.
struct ManualClock {
    WallClock::time_point now = WallClock::time_point(std::chrono::hours(500'000));
    LoginGuard::Clock function() {
        return [this] { return now; };
    }
};

// The store's contract in memory: one mutex makes each update atomic; idle counters are deleted.
class MemoryCounters : public LoginCounterStore {
public:
    bool update(const std::string& account, const std::string& address,
                const std::function<void(LoginCounters&)>& change) override {
        std::lock_guard lock(mutex_);
        const std::pair<std::string, std::string> keys[3] = {
            {"pair", account + '\n' + address}, {"address", address}, {"account", account}};
        LoginCounters counters{counters_[keys[0]], counters_[keys[1]], counters_[keys[2]]};
        change(counters);
        const LoginCounter* changed[3] = {&counters.pair, &counters.address, &counters.account};
        for (int i = 0; i < 3; ++i) {
            if (changed[i]->idle())
                counters_.erase(keys[i]);
            else
                counters_[keys[i]] = *changed[i];
        }
        return true;
    }
    void forget_quiet(WallClock::time_point failures_before, WallClock::time_point reservations_before) override {
        std::lock_guard lock(mutex_);
        ++cleanups;
        std::erase_if(counters_, [&](const auto& entry) {
            const LoginCounter& counter = entry.second;
            const bool reservations_gone = std::all_of(counter.in_flight.begin(), counter.in_flight.end(),
                                                       [&](auto reserved) { return reserved < reservations_before; });
            return counter.known_addresses.empty() && counter.last_failure < failures_before && reservations_gone;
        });
    }
    size_t size() {
        std::lock_guard lock(mutex_);
        return counters_.size();
    }
    int cleanups = 0;

private:
    std::mutex mutex_;
    std::map<std::pair<std::string, std::string>, LoginCounter> counters_;
};

// A store whose database is down.
struct FailingCounters : LoginCounterStore {
    bool update(const std::string&, const std::string&, const std::function<void(LoginCounters&)>& change) override {
        LoginCounters counters;
        change(counters);  // the work ran, but its transaction did not commit
        return false;
    }
    void forget_quiet(WallClock::time_point, WallClock::time_point) override {}
};

void fail(LoginGuard& guard, const std::string& account, const std::string& address) {
    auto decision = guard.admit(account, address);
    ASSERT_TRUE(decision.admitted()) << account << " from " << address;
    decision.attempt->failed();
}

TEST(LoginGuard, FiveFailuresFromOneAddressRefuseThatAddressForFifteenMinutes) {
    ManualClock clock;
    MemoryCounters counters;
    LoginGuard guard(counters, {}, clock.function());
    for (int i = 0; i < 5; ++i) fail(guard, "bio@chu.test", "203.0.113.7");
    auto refused = guard.admit("bio@chu.test", "203.0.113.7");
    EXPECT_FALSE(refused.admitted());
    EXPECT_EQ(refused.retry_after, 15min);
    clock.now += 14min;
    EXPECT_FALSE(guard.admit("bio@chu.test", "203.0.113.7").admitted());
    EXPECT_EQ(guard.admit("bio@chu.test", "203.0.113.7").retry_after, 60s);
    clock.now += 1min;
    EXPECT_TRUE(guard.admit("bio@chu.test", "203.0.113.7").admitted());
}

TEST(LoginGuard, AddressesAreIndependent) {
    ManualClock clock;
    MemoryCounters counters;
    LoginGuard guard(counters, {}, clock.function());
    for (int i = 0; i < 5; ++i) fail(guard, "bio@chu.test", "203.0.113.7");
    EXPECT_FALSE(guard.admit("bio@chu.test", "203.0.113.7").admitted());
    // The account's owner, elsewhere, is not locked out by the attacker's failures.
    auto owner = guard.admit("bio@chu.test", "10.1.2.3");
    ASSERT_TRUE(owner.admitted());
    owner.attempt->succeeded();
    // And the attacker may still try other accounts (until the per-address limit).
    EXPECT_TRUE(guard.admit("rssi@chu.test", "203.0.113.7").admitted());
}

TEST(LoginGuard, ParallelReservationsFromThreadsCannotExceedTheLimit) {
    MemoryCounters counters;
    LoginGuard guard(counters);
    constexpr int kThreads = 32;
    const auto outcome =
        test_support::fail_in_parallel(kThreads, [&](int) -> LoginGuard& { return guard; }, "bio@chu.test", "203.0.113.7");
    EXPECT_EQ(outcome.admitted, 5);
    EXPECT_EQ(outcome.refused, kThreads - 5);
    EXPECT_FALSE(guard.admit("bio@chu.test", "203.0.113.7").admitted());
}

TEST(LoginGuard, InFlightAttemptsCountAndAnAbandonedOneIsGivenBack) {
    MemoryCounters counters;
    LoginGuard guard(counters);
    std::vector<LoginGuard::Attempt> in_flight;
    for (int i = 0; i < 5; ++i) {
        auto decision = guard.admit("bio@chu.test", "203.0.113.7");
        ASSERT_TRUE(decision.admitted());
        in_flight.push_back(std::move(*decision.attempt));
    }
    EXPECT_FALSE(guard.admit("bio@chu.test", "203.0.113.7").admitted());  // none has failed yet
    in_flight.pop_back();  // dropped: the check never ran (server busy)
    EXPECT_TRUE(guard.admit("bio@chu.test", "203.0.113.7").admitted());
    for (auto& attempt : in_flight) attempt.succeeded();
    EXPECT_EQ(counters.size(), 1u) << "only the account, remembering its address";
}

TEST(LoginGuard, OneAddressTryingManyAccountsIsRefusedAfterTwentyFailures) {
    ManualClock clock;
    MemoryCounters counters;
    LoginGuard guard(counters, {}, clock.function());
    for (int i = 0; i < 19; ++i) fail(guard, "user" + std::to_string(i) + "@chu.test", "198.51.100.9");
    // A success on one's own account does not buy more guesses at others.
    auto mine = guard.admit("mine@chu.test", "198.51.100.9");
    ASSERT_TRUE(mine.admitted());
    mine.attempt->succeeded();
    fail(guard, "user19@chu.test", "198.51.100.9");
    auto refused = guard.admit("user99@chu.test", "198.51.100.9");
    EXPECT_FALSE(refused.admitted());
    EXPECT_EQ(refused.retry_after, 15min);
    EXPECT_FALSE(guard.admit("mine@chu.test", "198.51.100.9").admitted());
    EXPECT_TRUE(guard.admit("user99@chu.test", "198.51.100.10").admitted());
    clock.now += 15min;
    EXPECT_TRUE(guard.admit("user99@chu.test", "198.51.100.9").admitted());
}

TEST(LoginGuard, AnAccountAttackedFromManyAddressesIsSlowedWithACappedBackoffNeverLocked) {
    ManualClock clock;
    MemoryCounters counters;
    LoginGuard guard(counters, {}, clock.function());
    int address = 0;
    const auto next_address = [&] { return "192.0.2." + std::to_string(++address); };
    for (int i = 0; i < 10; ++i) fail(guard, "bio@chu.test", next_address());
    // Past 10 failures: 1 s after the last one, then 2 s, 4 s… capped at 60 s.
    std::chrono::seconds expected = 1s;
    for (int round = 0; round < 10; ++round) {
        auto refused = guard.admit("bio@chu.test", next_address());
        ASSERT_FALSE(refused.admitted()) << "round " << round;
        EXPECT_EQ(refused.retry_after, expected) << "round " << round;
        clock.now += expected - 1ms;
        EXPECT_FALSE(guard.admit("bio@chu.test", next_address()).admitted()) << "round " << round;
        clock.now += 1ms;
        fail(guard, "bio@chu.test", next_address());
        expected = std::min<std::chrono::seconds>(expected * 2, 60s);
    }
    EXPECT_EQ(expected, 60s);
    // Never more than one attempt at a time while slowed.
    clock.now += 60s;
    auto one = guard.admit("bio@chu.test", next_address());
    ASSERT_TRUE(one.admitted());
    EXPECT_FALSE(guard.admit("bio@chu.test", next_address()).admitted());
    one.attempt->failed();
    // Fifteen quiet minutes forget it all.
    clock.now += 15min;
    for (int i = 0; i < 10; ++i) fail(guard, "bio@chu.test", next_address());
}

TEST(LoginGuard, TheAccountsUsualAddressIsNotSlowedByAnAttackElsewhere) {
    ManualClock clock;
    MemoryCounters counters;
    LoginGuard guard(counters, {}, clock.function());
    auto first = guard.admit("bio@chu.test", "10.1.2.3");
    ASSERT_TRUE(first.admitted());
    first.attempt->succeeded();
    for (int i = 0; i < 16; ++i) {
        clock.now += 61s;
        fail(guard, "bio@chu.test", "192.0.2." + std::to_string(i));
    }
    EXPECT_FALSE(guard.admit("bio@chu.test", "192.0.2.200").admitted());
    auto owner = guard.admit("bio@chu.test", "10.1.2.3");
    ASSERT_TRUE(owner.admitted());
    owner.attempt->succeeded();  // and a success forgets the account's failures
    EXPECT_TRUE(guard.admit("bio@chu.test", "192.0.2.200").admitted());
}

TEST(LoginGuard, QuietCountersAreCleanedUpAtMostOnceAMinute) {
    ManualClock clock;
    MemoryCounters counters;
    LoginGuard guard(counters, {}, clock.function());
    for (int i = 0; i < 1000; ++i) {
        clock.now += 1ms;
        fail(guard, "flood" + std::to_string(i) + "@x.test", "10.0." + std::to_string(i / 250) + "." + std::to_string(i % 250));
    }
    EXPECT_EQ(counters.cleanups, 1) << "the first attempt's; a second not before a minute";
    EXPECT_EQ(counters.size(), 3000u);
    // The most recent failures are remembered meanwhile.
    for (int i = 0; i < 4; ++i) fail(guard, "flood999@x.test", "10.0.3.249");
    EXPECT_FALSE(guard.admit("flood999@x.test", "10.0.3.249").admitted());
    // Fifteen quiet minutes: the next attempt's cleanup deletes them all, but the account that
    // logged in keeps its known address.
    clock.now += 15min + 1s;
    auto mine = guard.admit("mine@chu.test", "10.9.9.9");
    ASSERT_TRUE(mine.admitted());
    mine.attempt->succeeded();
    EXPECT_EQ(counters.cleanups, 2);
    EXPECT_EQ(counters.size(), 1u);
}

TEST(LoginGuard, AnAttemptWhoseInstanceDiedStopsCountingAfterTwoMinutes) {
    ManualClock clock;
    MemoryCounters counters;
    // Five reservations another instance made before it died mid-check: nobody will end them.
    counters.update("bio@chu.test", "203.0.113.7", [&](LoginCounters& state) {
        for (LoginCounter* counter : {&state.pair, &state.address, &state.account})
            counter->in_flight.assign(5, clock.now);
    });
    LoginGuard guard(counters, {}, clock.function());
    auto refused = guard.admit("bio@chu.test", "203.0.113.7");
    EXPECT_FALSE(refused.admitted());
    clock.now += 119s;
    EXPECT_FALSE(guard.admit("bio@chu.test", "203.0.113.7").admitted());
    clock.now += 1s;
    auto admitted = guard.admit("bio@chu.test", "203.0.113.7");
    ASSERT_TRUE(admitted.admitted());
    admitted.attempt->failed();
    EXPECT_TRUE(guard.admit("bio@chu.test", "203.0.113.7").admitted()) << "one failure, four to go";
}

TEST(LoginGuard, AStoreThatCannotBeReadOrWrittenRefusesEveryAttempt) {
    FailingCounters counters;
    LoginGuard guard(counters);
    auto decision = guard.admit("bio@chu.test", "203.0.113.7");
    EXPECT_FALSE(decision.admitted());
    EXPECT_TRUE(decision.unavailable);
}

}  // namespace login_guard_test
}  // namespace cyberachat::security
