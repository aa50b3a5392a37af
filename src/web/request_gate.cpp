#include "web/request_gate.hpp"

#include <algorithm>

#include "core/thread_signal.hpp"

namespace cyberachat::web {

RequestGate::RequestGate(size_t slots, std::chrono::milliseconds longest_wait)
    : slots_(slots), longest_wait_(longest_wait), free_(slots) {}

bool RequestGate::acquire(bool first_in_line) {
    const auto until = std::chrono::steady_clock::now() + longest_wait_;
    Waiter me;
    {
        std::lock_guard lock(mutex_);
        if (free_ > 0 && (queue_.empty() || first_in_line)) {
            --free_;
            return true;
        }
        me.signal = &ThreadSignal::of_this_thread();
        if (first_in_line) queue_.push_front(&me);
        else queue_.push_back(&me);
    }
    for (;;) {
        const bool signalled = me.signal->wait_until(until);
        std::lock_guard lock(mutex_);
        if (me.granted) return true;
        if (!signalled && std::chrono::steady_clock::now() >= until) {
            queue_.erase(std::find(queue_.begin(), queue_.end(), &me));
            ++overdue_;
            return false;
        }
    }
}

void RequestGate::release() {
    ThreadSignal* next_signal = nullptr;
    {
        std::lock_guard lock(mutex_);
        if (queue_.empty()) {
            ++free_;
            return;
        }
        // Handed over directly: the slot never looks free to a newcomer while someone waits.
        Waiter* next = queue_.front();
        queue_.pop_front();
        next->granted = true;
        // Raised after the lock (a waiter woken under it would only wake to wait for it); `next` may
        // be gone once granted, its thread's signal stays.
        next_signal = next->signal;
    }
    next_signal->raise();
}

size_t RequestGate::waiting() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
}

size_t RequestGate::turns_taken_without_slot() const {
    std::lock_guard lock(mutex_);
    return overdue_;
}

RequestGate::Turn::Turn(RequestGate& gate) : gate_(gate) {
    if (gate_.slots_ == 0) return;
    holds_ = gate_.acquire(false);
    outer_ = BlockingWait::current();
    BlockingWait::current() = this;
}

RequestGate::Turn::~Turn() {
    if (gate_.slots_ == 0) return;
    BlockingWait::current() = outer_;
    if (holds_) gate_.release();
}

void RequestGate::Turn::wait_begins() {
    if (waits_++ > 0) return;
    if (holds_) gate_.release();
    holds_ = false;
}

void RequestGate::Turn::wait_ends(BlockingWait::Then then) {
    if (--waits_ > 0) return;
    holds_ = then == BlockingWait::Then::take_a_turn_again && gate_.acquire(true);
}

}  // namespace cyberachat::web
