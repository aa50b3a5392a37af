#pragma once
// A wake-up meant for one thread, kept by that thread (`of_this_thread`): whoever hands it work
// (a commit done, a turn given) raises it after letting go of its own lock, and the object stays
// alive whatever the waiter does next — a waiter may return, and its stack frame be gone, as soon as
// it is told. A raise nobody waits for is kept for the thread's next wait, which then only looks
// once more at what it waits for: callers check their own condition after each wake-up.
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace cyberachat {

class ThreadSignal {
public:
    static ThreadSignal& of_this_thread() {
        thread_local ThreadSignal signal;
        return signal;
    }
    void raise() {
        std::lock_guard lock(mutex_);
        raised_ = true;
        woken_.notify_one();
    }
    void wait() {
        std::unique_lock lock(mutex_);
        woken_.wait(lock, [this] { return raised_; });
        raised_ = false;
    }
    // False when `until` came first.
    bool wait_until(std::chrono::steady_clock::time_point until) {
        std::unique_lock lock(mutex_);
        const bool woken_up = woken_.wait_until(lock, until, [this] { return raised_; });
        raised_ = false;
        return woken_up;
    }

private:
    std::mutex mutex_;
    std::condition_variable woken_;
    bool raised_ = false;
};

}  // namespace cyberachat
