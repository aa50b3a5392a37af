#include "web/request_gate.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace cyberachat::web {
namespace {

using namespace std::chrono_literals;

// Waits (up to 5 s) until `condition` holds.
template <typename Condition>
bool eventually(Condition condition) {
    for (int i = 0; i < 500; ++i) {
        if (condition()) return true;
        std::this_thread::sleep_for(10ms);
    }
    return condition();
}

TEST(RequestGate, LetsAtMostItsSlotsComputeAtOnce) {
    RequestGate gate(2, 5000ms);
    std::atomic<int> running{0}, most{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            const RequestGate::Turn turn(gate);
            EXPECT_TRUE(turn.holds_slot());
            const int now = ++running;
            int seen = most.load();
            while (now > seen && !most.compare_exchange_weak(seen, now)) {
            }
            std::this_thread::sleep_for(20ms);
            --running;
        });
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(most.load(), 2);
    EXPECT_EQ(gate.turns_taken_without_slot(), 0u);
}

TEST(RequestGate, GivesTheTurnsInArrivalOrder) {
    RequestGate gate(1, 5000ms);
    std::mutex order_mutex;
    std::vector<int> order;
    auto holder = std::make_unique<RequestGate::Turn>(gate);
    std::vector<std::thread> threads;
    for (int i = 0; i < 5; ++i) {
        threads.emplace_back([&, i] {
            const RequestGate::Turn turn(gate);
            std::lock_guard lock(order_mutex);
            order.push_back(i);
        });
        ASSERT_TRUE(eventually([&] { return gate.waiting() == static_cast<size_t>(i + 1); }));
    }
    holder.reset();
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(RequestGate, AHandlerWaitingForTheDiskGivesItsTurnAndComesBackFirst) {
    RequestGate gate(1, 5000ms);
    std::atomic<bool> other_ran{false};
    std::thread other;
    {
        const RequestGate::Turn turn(gate);
        other = std::thread([&] {
            const RequestGate::Turn its_turn(gate);
            other_ran = true;
        });
        ASSERT_TRUE(eventually([&] { return gate.waiting() == 1; }));
        {
            const BlockingWait waiting;  // e.g. a commit's fsync
            EXPECT_TRUE(eventually([&] { return other_ran.load(); })) << "the waiting request ran meanwhile";
        }
        EXPECT_TRUE(turn.holds_slot()) << "the turn is taken back after the wait";
    }
    other.join();
    EXPECT_EQ(gate.turns_taken_without_slot(), 0u);
}

TEST(RequestGate, AfterACommitTheHandlerFinishesWithoutQueueingAgain) {
    RequestGate gate(1, 5000ms);
    auto other_holds = std::make_unique<std::atomic<bool>>(false);
    std::atomic<bool> release_other{false};
    std::thread other;
    {
        const RequestGate::Turn turn(gate);
        other = std::thread([&] {
            const RequestGate::Turn its_turn(gate);
            *other_holds = its_turn.holds_slot();
            while (!release_other) std::this_thread::sleep_for(1ms);
        });
        ASSERT_TRUE(eventually([&] { return gate.waiting() == 1; }));
        {
            const BlockingWait waiting(BlockingWait::Then::finish_without_a_turn);  // a commit
            ASSERT_TRUE(eventually([&] { return other_holds->load(); })) << "the waiting request got the turn";
        }
        // The other request still holds the only slot: this one goes on at once, without one.
        EXPECT_FALSE(turn.holds_slot());
        EXPECT_EQ(gate.waiting(), 0u) << "not queued again";
    }
    release_other = true;
    other.join();
    // Nothing was taken twice nor lost: the one slot is free again.
    const RequestGate::Turn again(gate);
    EXPECT_TRUE(again.holds_slot());
    EXPECT_EQ(gate.waiting(), 0u);
    EXPECT_EQ(gate.turns_taken_without_slot(), 0u);
}

TEST(RequestGate, NestedWaitsGiveTheTurnOnce) {
    RequestGate gate(1, 5000ms);
    {
        const RequestGate::Turn turn(gate);
        {
            const BlockingWait outer;
            const BlockingWait inner;
        }
        EXPECT_TRUE(turn.holds_slot());
    }
    // Exactly one slot is free again: two turns in a row, each given at once.
    const RequestGate::Turn again(gate);
    EXPECT_TRUE(again.holds_slot());
    EXPECT_EQ(gate.waiting(), 0u);
}

TEST(RequestGate, ATurnNotGivenInTimeIsTakenAnyway) {
    RequestGate gate(1, 50ms);
    const RequestGate::Turn holder(gate);
    const auto started = std::chrono::steady_clock::now();
    std::thread late([&] {
        const RequestGate::Turn turn(gate);
        EXPECT_FALSE(turn.holds_slot());
    });
    late.join();
    EXPECT_GE(std::chrono::steady_clock::now() - started, 50ms);
    EXPECT_EQ(gate.turns_taken_without_slot(), 1u);
    EXPECT_EQ(gate.waiting(), 0u);
}

TEST(RequestGate, ZeroSlotsIsNoGate) {
    RequestGate gate(0, 50ms);
    const RequestGate::Turn first(gate);
    const RequestGate::Turn second(gate);
    EXPECT_EQ(gate.waiting(), 0u);
    EXPECT_EQ(gate.turns_taken_without_slot(), 0u);
    EXPECT_EQ(BlockingWait::current(), nullptr) << "no observer installed";
}

TEST(RequestGate, AWaitOutsideAnyTurnDoesNothing) {
    EXPECT_EQ(BlockingWait::current(), nullptr);
    const BlockingWait waiting;
    EXPECT_EQ(BlockingWait::current(), nullptr);
}

}  // namespace
}  // namespace cyberachat::web
