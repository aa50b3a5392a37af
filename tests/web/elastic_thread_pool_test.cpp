// The server's worker threads: more start when every thread is busy, up to the maximum (beyond, a
// task waits its turn), the extra ones end once idle, and shutdown runs what was queued first.
#include "web/elastic_thread_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace cyberachat::web;
using namespace std::chrono_literals;

namespace {

// Tasks that block until released, counting how many have started.
struct BlockingTasks {
    std::mutex mutex;
    std::condition_variable changed;
    bool open = false;
    int started = 0;

    std::function<void()> task() {
        return [this] {
            std::unique_lock lock(mutex);
            ++started;
            changed.notify_all();
            changed.wait(lock, [this] { return open; });
        };
    }
    bool wait_started(int count, std::chrono::milliseconds limit) {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, limit, [&] { return started >= count; });
    }
    void release() {
        std::lock_guard lock(mutex);
        open = true;
        changed.notify_all();
    }
};

}  // namespace

TEST(ElasticThreadPool, StartsThreadsWhileEveryOneIsBusyUpToTheMaximumThenQueues) {
    ElasticThreadPool pool(2, 6, 10s);
    EXPECT_EQ(pool.threads(), 2u);
    BlockingTasks gate;
    for (int i = 0; i < 7; ++i) pool.enqueue(gate.task());
    EXPECT_TRUE(gate.wait_started(6, 2s));
    EXPECT_EQ(pool.threads(), 6u);
    std::this_thread::sleep_for(50ms);
    EXPECT_EQ(gate.started, 6) << "the seventh task waits for a thread";
    gate.release();
    EXPECT_TRUE(gate.wait_started(7, 2s));
}

TEST(ElasticThreadPool, ThreadsBeyondTheKeptOnesEndOnceIdle) {
    ElasticThreadPool pool(1, 4, 100ms);
    BlockingTasks gate;
    for (int i = 0; i < 4; ++i) pool.enqueue(gate.task());
    ASSERT_TRUE(gate.wait_started(4, 2s));
    EXPECT_EQ(pool.threads(), 4u);
    gate.release();
    const auto deadline = std::chrono::steady_clock::now() + 2s;
    while (pool.threads() > 1 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(20ms);
    EXPECT_EQ(pool.threads(), 1u);
    std::atomic<int> ran{0};
    pool.enqueue([&ran] { ++ran; });  // the kept thread still works, and the pool can grow again
    pool.shutdown();
    EXPECT_EQ(ran, 1);
}

TEST(ElasticThreadPool, ShutdownRunsTheQueuedTasksFirstAndCallsItsHookBefore) {
    std::atomic<int> ran{0};
    std::atomic<int> ran_when_hook_called{-1};
    ElasticThreadPool pool(1, 1, 10s, [&] { ran_when_hook_called = ran.load(); });
    BlockingTasks gate;
    pool.enqueue(gate.task());
    ASSERT_TRUE(gate.wait_started(1, 2s));
    for (int i = 0; i < 5; ++i) pool.enqueue([&ran] { ++ran; });
    std::thread release([&gate] {
        std::this_thread::sleep_for(50ms);
        gate.release();
    });
    pool.shutdown();
    release.join();
    EXPECT_EQ(ran, 5);
    EXPECT_EQ(ran_when_hook_called, 0);
    EXPECT_EQ(pool.threads(), 0u);
}
