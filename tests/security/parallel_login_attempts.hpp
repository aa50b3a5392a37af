#pragma once
// Test support: wrong passwords tried at once from many threads, each attempt taking its place
// and failing after a check of 20 ms (during which the others arrive). For the guard's tests
// (tests/security/login_guard_test.cpp) and the database's (tests/store/login_counter_repository_test.cpp).
#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "security/login_guard.hpp"

namespace cyberachat::security::test_support {

struct ParallelOutcome {
    int admitted = 0;
    int refused = 0;
};

// `guard_for(t)`: the guard thread t goes through (several: several instances).
inline ParallelOutcome fail_in_parallel(int threads, const std::function<LoginGuard&(int)>& guard_for,
                                        const std::string& account, const std::string& address) {
    std::atomic<int> admitted{0}, refused{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> running;
    for (int t = 0; t < threads; ++t)
        running.emplace_back([&, t] {
            while (!go.load()) std::this_thread::yield();
            auto decision = guard_for(t).admit(account, address);
            if (!decision.admitted()) {
                ++refused;
                return;
            }
            ++admitted;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the password check
            decision.attempt->failed();
        });
    go = true;
    for (auto& thread : running) thread.join();
    return {admitted.load(), refused.load()};
}

}  // namespace cyberachat::security::test_support
