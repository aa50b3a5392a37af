// The login guard: attempts reserve their place before the password is checked, so parallel
// guesses never get past a limit; addresses are independent; an account under attack is slowed
// (a capped backoff), never locked; its usual addresses are not slowed; the tables stay bounded.
#include "security/login_guard.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace cyberachat::security {
namespace login_guard_test {

using namespace std::chrono_literals;

// A clock the test moves by hand.
struct ManualClock {
    std::chrono::steady_clock::time_point now = std::chrono::steady_clock::time_point(std::chrono::hours(1000));
    LoginGuard::Clock function() {
        return [this] { return now; };
    }
};

void fail(LoginGuard& guard, const std::string& account, const std::string& address) {
    auto decision = guard.admit(account, address);
    ASSERT_TRUE(decision.admitted()) << account << " from " << address;
    decision.attempt->failed();
}

TEST(LoginGuard, FiveFailuresFromOneAddressRefuseThatAddressForFifteenMinutes) {
    ManualClock clock;
    LoginGuard guard({}, clock.function());
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
    LoginGuard guard({}, clock.function());
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
    LoginGuard guard;
    constexpr int kThreads = 32;
    std::atomic<int> admitted{0}, refused{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&] {
            while (!go.load()) std::this_thread::yield();
            auto decision = guard.admit("bio@chu.test", "203.0.113.7");
            if (!decision.admitted()) {
                ++refused;
                return;
            }
            ++admitted;
            std::this_thread::sleep_for(20ms);  // the password check, during which others arrive
            decision.attempt->failed();
        });
    go = true;
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(admitted.load(), 5);
    EXPECT_EQ(refused.load(), kThreads - 5);
    EXPECT_FALSE(guard.admit("bio@chu.test", "203.0.113.7").admitted());
}

TEST(LoginGuard, InFlightAttemptsCountAndAnAbandonedOneIsGivenBack) {
    LoginGuard guard;
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
    EXPECT_EQ(guard.tracked_entries(), 1u) << "only the account, remembering its address";
}

TEST(LoginGuard, OneAddressTryingManyAccountsIsRefusedAfterTwentyFailures) {
    ManualClock clock;
    LoginGuard guard({}, clock.function());
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
    LoginGuard guard({}, clock.function());
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
    LoginGuard guard({}, clock.function());
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

TEST(LoginGuard, TablesStayBoundedUnderAFloodOfAccountsAndAddresses) {
    ManualClock clock;
    LoginPolicy policy;
    policy.max_entries = 100;
    LoginGuard guard(policy, clock.function());
    for (int i = 0; i < 1000; ++i) {
        clock.now += 1ms;
        fail(guard, "flood" + std::to_string(i) + "@x.test", "10.0." + std::to_string(i / 250) + "." + std::to_string(i % 250));
    }
    EXPECT_LE(guard.tracked_entries(), 300u);
    // The most recent failures are still remembered.
    for (int i = 0; i < 4; ++i) fail(guard, "flood999@x.test", "10.0.3.249");
    EXPECT_FALSE(guard.admit("flood999@x.test", "10.0.3.249").admitted());
}

}  // namespace login_guard_test
}  // namespace cyberachat::security
