// LoginCounterRepository: the login guard's counters in the database, shared by every instance on
// it — a lockout set through one instance holds on another, attempts in progress count across
// instances (and parallel ones cannot pass the limit together), an attempt whose instance died
// stops counting after two minutes, idle counters are deleted and quiet ones cleaned up, and a
// database that cannot be read makes the guard refuse. On both engines (suite Store…).
#include <vector>

#include "../security/parallel_login_attempts.hpp"
#include "security/login_guard.hpp"
#include "store_test_support.hpp"

namespace cyberachat::store::testing {
namespace {

using namespace std::chrono_literals;
using security::LoginCounter;
using security::LoginCounters;
using security::LoginGuard;
using security::WallClock;

long long epoch_ms(WallClock::time_point time) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

class StoreLoginCounters : public StoreTest {
protected:
    // The instances' wall clock, moved by hand (a whole number of milliseconds, as stored).
    WallClock::time_point now = std::chrono::floor<std::chrono::milliseconds>(WallClock::now());
    LoginGuard::Clock clock() {
        return [this] { return now; };
    }

    static void fail(LoginGuard& guard, const std::string& account, const std::string& address) {
        auto decision = guard.admit(account, address);
        ASSERT_TRUE(decision.admitted()) << account << " from " << address;
        decision.attempt->failed();
    }

    // The counters of (account, address) as stored, through an update that changes nothing.
    LoginCounters stored(Store& on, const std::string& account, const std::string& address) {
        LoginCounters out;
        EXPECT_TRUE(on.login_counters.update(account, address, [&](LoginCounters& counters) { out = counters; }));
        return out;
    }
};

TEST_F(StoreLoginCounters, CountersAreSavedAsTheGuardLeftThemAndIdleOnesDeleted) {
    const auto reserved = now - 30s;
    ASSERT_TRUE(store->login_counters.update("bio@chu.test", "203.0.113.7", [&](LoginCounters& counters) {
        EXPECT_EQ(counters.pair, LoginCounter{}) << "an absent counter comes as empty";
        counters.pair.failures = 3;
        counters.pair.last_failure = now;
        counters.pair.in_flight = {reserved, now};
        counters.account.known_addresses = {"10.1.2.3", "10.1.2.4"};
    }));
    EXPECT_EQ(count_rows("login_counters"), 2) << "the address's counter is idle: not written";

    const LoginCounters loaded = stored(*store, "bio@chu.test", "203.0.113.7");
    EXPECT_EQ(loaded.pair.failures, 3);
    EXPECT_EQ(loaded.pair.last_failure, now);
    EXPECT_EQ(loaded.pair.in_flight, (std::vector<WallClock::time_point>{reserved, now}));
    EXPECT_EQ(loaded.account.known_addresses, (std::vector<std::string>{"10.1.2.3", "10.1.2.4"}));
    EXPECT_TRUE(loaded.address.idle());
    // Each key on its own: the same account from elsewhere has its own pair.
    EXPECT_TRUE(stored(*store, "bio@chu.test", "10.9.9.9").pair.idle());
    EXPECT_EQ(stored(*store, "bio@chu.test", "10.9.9.9").account.known_addresses.size(), 2u);

    // Times are wall-clock milliseconds since 1970.
    long long last_failure_ms = 0;
    ASSERT_TRUE(store->db->read([&](soci::session& sql) {
        sql << "SELECT last_failure_ms FROM login_counters WHERE kind = 'pair'", soci::into(last_failure_ms);
    }).ok());
    EXPECT_EQ(last_failure_ms, epoch_ms(now));

    ASSERT_TRUE(store->login_counters.update("bio@chu.test", "203.0.113.7", [&](LoginCounters& counters) {
        counters = LoginCounters{};
    }));
    EXPECT_EQ(count_rows("login_counters"), 0);
}

TEST_F(StoreLoginCounters, ALockoutSetThroughOneInstanceHoldsOnAnother) {
    auto other = open_another_instance();
    ASSERT_TRUE(other);
    LoginGuard first(store->login_counters, {}, clock());
    LoginGuard second(other->login_counters, {}, clock());
    for (int i = 0; i < 5; ++i) fail(first, "bio@chu.test", "203.0.113.7");
    auto refused = second.admit("bio@chu.test", "203.0.113.7");
    EXPECT_FALSE(refused.admitted());
    EXPECT_FALSE(refused.unavailable);
    EXPECT_EQ(refused.retry_after, 15min);
    // The owner, elsewhere, is not locked out, on either instance.
    EXPECT_TRUE(second.admit("bio@chu.test", "10.1.2.3").admitted());
    now += 15min;
    EXPECT_TRUE(second.admit("bio@chu.test", "203.0.113.7").admitted());
}

TEST_F(StoreLoginCounters, TheLockoutOutlivesARestart) {
    {
        LoginGuard guard(store->login_counters, {}, clock());
        for (int i = 0; i < 5; ++i) fail(guard, "bio@chu.test", "203.0.113.7");
    }
    reopen();
    LoginGuard guard(store->login_counters, {}, clock());
    EXPECT_FALSE(guard.admit("bio@chu.test", "203.0.113.7").admitted());
}

TEST_F(StoreLoginCounters, AttemptsInProgressOnOneInstanceCountOnAnother) {
    auto other = open_another_instance();
    ASSERT_TRUE(other);
    LoginGuard first(store->login_counters, {}, clock());
    LoginGuard second(other->login_counters, {}, clock());
    std::vector<LoginGuard::Attempt> in_flight;
    for (int i = 0; i < 5; ++i) {
        auto decision = first.admit("bio@chu.test", "203.0.113.7");
        ASSERT_TRUE(decision.admitted());
        in_flight.push_back(std::move(*decision.attempt));
    }
    EXPECT_FALSE(second.admit("bio@chu.test", "203.0.113.7").admitted());
    in_flight.pop_back();  // given back (the check could not run)
    auto admitted = second.admit("bio@chu.test", "203.0.113.7");
    EXPECT_TRUE(admitted.admitted());
}

TEST_F(StoreLoginCounters, ParallelAttemptsOnTwoInstancesCannotExceedTheLimitTogether) {
    auto other = open_another_instance();
    ASSERT_TRUE(other);
    LoginGuard first(store->login_counters, {}, clock());
    LoginGuard second(other->login_counters, {}, clock());
    constexpr int kThreads = 16;
    const auto outcome = security::test_support::fail_in_parallel(
        kThreads, [&](int t) -> LoginGuard& { return t % 2 ? first : second; }, "bio@chu.test", "203.0.113.7");
    EXPECT_EQ(outcome.admitted, 5);
    EXPECT_EQ(outcome.refused, kThreads - 5);
    EXPECT_EQ(stored(*store, "bio@chu.test", "203.0.113.7").pair.failures, 5);
}

TEST_F(StoreLoginCounters, AnAttemptWhoseInstanceDiedStopsCountingAfterTwoMinutes) {
    auto dying = open_another_instance();
    ASSERT_TRUE(dying);
    LoginGuard dead(dying->login_counters, {}, clock());
    std::vector<LoginGuard::Attempt> never_ended;  // its instance died mid-check: they never end
    for (int i = 0; i < 5; ++i) {
        auto decision = dead.admit("bio@chu.test", "203.0.113.7");
        ASSERT_TRUE(decision.admitted());
        never_ended.push_back(std::move(*decision.attempt));
    }
    LoginGuard guard(store->login_counters, {}, clock());
    now += 119s;
    EXPECT_FALSE(guard.admit("bio@chu.test", "203.0.113.7").admitted());
    now += 1s;
    auto admitted = guard.admit("bio@chu.test", "203.0.113.7");
    ASSERT_TRUE(admitted.admitted());
    admitted.attempt->failed();
    EXPECT_EQ(stored(*store, "bio@chu.test", "203.0.113.7").pair.in_flight.size(), 0u);
}

TEST_F(StoreLoginCounters, QuietCountersAreDeletedByTheCleanupButKnownAddressesKept) {
    LoginGuard guard(store->login_counters, {}, clock());
    auto mine = guard.admit("mine@chu.test", "10.0.0.1");
    ASSERT_TRUE(mine.admitted());
    mine.attempt->succeeded();
    EXPECT_EQ(count_rows("login_counters"), 1) << "idle counters are deleted when their attempt ends";
    for (int i = 1; i <= 3; ++i) fail(guard, "x@chu.test", "192.0.2." + std::to_string(i));
    EXPECT_EQ(count_rows("login_counters"), 8);
    // Reservations of an instance that died: no failure, nobody will end them.
    ASSERT_TRUE(store->login_counters.update("ghost@chu.test", "198.51.100.1", [&](LoginCounters& counters) {
        for (LoginCounter* counter : {&counters.pair, &counters.address, &counters.account}) counter->in_flight = {now};
    }));
    EXPECT_EQ(count_rows("login_counters"), 11);

    now += 3min;  // the next attempt's cleanup: the dead reservations go, the failures stay
    auto other = guard.admit("y@chu.test", "10.0.0.2");
    EXPECT_EQ(count_rows("login_counters"), 8 + 3);
    other.attempt->succeeded();
    EXPECT_EQ(count_rows("login_counters"), 9);

    now += 15min;  // the failures are forgotten: deleted; the two accounts keep their known address
    guard.admit("z@chu.test", "10.0.0.3");  // its attempt, given back at once
    EXPECT_EQ(count_rows("login_counters"), 2);
    EXPECT_EQ(stored(*store, "mine@chu.test", "10.0.0.1").account.known_addresses,
              std::vector<std::string>{"10.0.0.1"});
}

TEST_F(StoreLoginCounters, ADatabaseThatCannotBeReadMakesTheGuardRefuse) {
    LoginGuard guard(store->login_counters, {}, clock());
    ASSERT_TRUE(store->db->write([](soci::session& sql) -> Result<void> {
        sql << "DROP TABLE login_counters";
        return {};
    }).ok());
    auto decision = guard.admit("bio@chu.test", "203.0.113.7");
    EXPECT_FALSE(decision.admitted());
    EXPECT_TRUE(decision.unavailable);
}

}  // namespace
}  // namespace cyberachat::store::testing
