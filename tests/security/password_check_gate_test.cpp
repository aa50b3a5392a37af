// The gate of password checks: never more than `concurrent` at once, a short queue served in
// turn, and callers beyond it turned away at once (the login answers 503).
#include "security/password_check_gate.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace cyberachat::security {
namespace password_check_gate_test {

using namespace std::chrono_literals;

TEST(PasswordCheckGate, NeverMoreThanConcurrentAtOnceAndTheRestTurnedAway) {
    PasswordCheckGate gate(2, 3, 5000ms);
    constexpr int kCallers = 24;
    std::atomic<int> checked{0}, busy{0}, at_once{0}, most{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int i = 0; i < kCallers; ++i)
        threads.emplace_back([&] {
            while (!go.load()) std::this_thread::yield();
            auto permit = gate.enter();
            if (!permit) {
                ++busy;
                return;
            }
            const int now = ++at_once;
            int seen = most.load();
            while (now > seen && !most.compare_exchange_weak(seen, now)) {
            }
            std::this_thread::sleep_for(300ms);  // the hash
            --at_once;
            ++checked;
        });
    go = true;
    for (auto& thread : threads) thread.join();
    EXPECT_LE(most.load(), 2);
    EXPECT_LE(gate.most_running(), 2u);
    EXPECT_EQ(checked.load() + busy.load(), kCallers);
    EXPECT_GE(checked.load(), 2);
    EXPECT_GE(busy.load(), 1) << "24 callers at once, 2 running and 3 waiting: the others are turned away";
    EXPECT_EQ(gate.running(), 0u);
    EXPECT_EQ(gate.waiting(), 0u);
}

TEST(PasswordCheckGate, TheQueueIsServedInTurn) {
    PasswordCheckGate gate(1, 4, 5000ms);
    auto first = gate.enter();
    ASSERT_TRUE(first);
    std::atomic<int> served{0};
    std::vector<std::thread> waiting;
    for (int i = 0; i < 4; ++i)
        waiting.emplace_back([&] {
            if (auto permit = gate.enter()) ++served;
        });
    for (int i = 0; i < 200 && gate.waiting() < 4; ++i) std::this_thread::sleep_for(5ms);
    EXPECT_EQ(gate.waiting(), 4u);
    EXPECT_FALSE(gate.enter()) << "the queue is full: turned away at once";
    first.reset();
    for (auto& thread : waiting) thread.join();
    EXPECT_EQ(served.load(), 4);
}

TEST(PasswordCheckGate, AWaitThatRunsOutIsTurnedAway) {
    PasswordCheckGate gate(1, 4, 50ms);
    auto held = gate.enter();
    ASSERT_TRUE(held);
    const auto start = std::chrono::steady_clock::now();
    EXPECT_FALSE(gate.enter());
    EXPECT_GE(std::chrono::steady_clock::now() - start, 45ms);
    EXPECT_EQ(gate.waiting(), 0u);
}

}  // namespace password_check_gate_test
}  // namespace cyberachat::security
