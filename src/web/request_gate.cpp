#include "web/request_gate.hpp"

#include <algorithm>

namespace cyberachat::web {

RequestGate::RequestGate(size_t slots, std::chrono::milliseconds longest_wait)
    : slots_(slots), longest_wait_(longest_wait), free_(slots) {}

bool RequestGate::acquire(bool first_in_line) {
    std::unique_lock lock(mutex_);
    if (free_ > 0 && (queue_.empty() || first_in_line)) {
        --free_;
        return true;
    }
    Waiter me;
    if (first_in_line) queue_.push_front(&me);
    else queue_.push_back(&me);
    if (me.wake.wait_for(lock, longest_wait_, [&] { return me.granted; })) return true;
    queue_.erase(std::find(queue_.begin(), queue_.end(), &me));
    ++overdue_;
    return false;
}

void RequestGate::release() {
    std::lock_guard lock(mutex_);
    if (queue_.empty()) {
        ++free_;
        return;
    }
    // Handed over directly: the slot never looks free to a newcomer while someone waits.
    Waiter* next = queue_.front();
    queue_.pop_front();
    next->granted = true;
    next->wake.notify_one();
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
