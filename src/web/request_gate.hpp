#pragma once
// Shares the CPU between requests: at most `slots` handlers compute at once (the cores, by
// default); the others wait their turn in arrival order, each asleep (a thread waiting here is not
// runnable, so the few that run are not preempted by fifty others, and the clients' own processes
// keep their share). A handler that waits for the disk or another server (core/blocking_wait.hpp)
// gives its turn to the next one meanwhile, and comes back first in line — or, after a commit, whose
// request has only its answer left to send, finishes without a turn.
//
// Why: with a thread per request in progress, fifty requests at once on two cores are fifty
// runnable threads; each is preempted many times before it ends, and the slowest wait for all the
// others (measured: p99 26 ms at 50 connections for pages of 90 µs; 8 ms with two turns). A turn
// not given within `longest_wait` is taken anyway: a slow handler holding every turn (a large
// report) delays the others by that much at most, and no wait can deadlock.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

#include "core/blocking_wait.hpp"
#include "core/thread_signal.hpp"

namespace cyberachat::web {

class RequestGate {
public:
    RequestGate(size_t slots, std::chrono::milliseconds longest_wait);

    // A handler's turn, held from construction to destruction (0 slots: no gate, always given).
    class Turn final : BlockingWait::Observer {
    public:
        explicit Turn(RequestGate& gate);
        ~Turn();
        Turn(const Turn&) = delete;
        Turn& operator=(const Turn&) = delete;
        bool holds_slot() const { return holds_; }

    private:
        void wait_begins() override;
        void wait_ends(BlockingWait::Then then) override;

        RequestGate& gate_;
        bool holds_ = false;
        int waits_ = 0;  // nested BlockingWait scopes open
        BlockingWait::Observer* outer_ = nullptr;
    };

    size_t slots() const { return slots_; }
    size_t waiting() const;  // requests waiting for a turn now
    size_t turns_taken_without_slot() const;  // waits that ran past longest_wait

private:
    struct Waiter {
        ThreadSignal* signal = nullptr;  // the waiting thread's own
        bool granted = false;  // under mutex_
    };
    bool acquire(bool first_in_line);  // true: a slot is held; false: taken anyway after longest_wait
    void release();

    const size_t slots_;
    const std::chrono::milliseconds longest_wait_;
    mutable std::mutex mutex_;
    size_t free_;
    std::deque<Waiter*> queue_;
    size_t overdue_ = 0;
};

}  // namespace cyberachat::web
