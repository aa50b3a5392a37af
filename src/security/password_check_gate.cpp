#include "security/password_check_gate.hpp"

#include "core/blocking_wait.hpp"

#include <algorithm>
#include <thread>

namespace cyberachat::security {

PasswordCheckGate::PasswordCheckGate(size_t concurrent, size_t queue, std::chrono::milliseconds max_wait)
    : concurrent_(std::max<size_t>(concurrent, 1)), queue_(queue), max_wait_(max_wait) {}

PasswordCheckGate::Permit::~Permit() {
    if (gate_) gate_->leave();
}

std::optional<PasswordCheckGate::Permit> PasswordCheckGate::enter() {
    const BlockingWait waiting_for_a_check;  // may wait for other logins: the request gives its turn meanwhile
    std::unique_lock lock(mutex_);
    if (running_ >= concurrent_ || waiting_ > 0) {
        if (waiting_ >= queue_) return std::nullopt;
        ++waiting_;
        const bool free = freed_.wait_for(lock, max_wait_, [this] { return running_ < concurrent_; });
        --waiting_;
        if (!free) return std::nullopt;
    }
    ++running_;
    most_running_ = std::max(most_running_, running_);
    return Permit(this);
}

void PasswordCheckGate::leave() {
    {
        std::lock_guard lock(mutex_);
        --running_;
    }
    freed_.notify_all();  // the queue is short: no waiter may miss a free place
}

size_t PasswordCheckGate::running() const {
    std::lock_guard lock(mutex_);
    return running_;
}

size_t PasswordCheckGate::waiting() const {
    std::lock_guard lock(mutex_);
    return waiting_;
}

size_t PasswordCheckGate::most_running() const {
    std::lock_guard lock(mutex_);
    return most_running_;
}

PasswordCheckGate& PasswordCheckGate::for_logins() {
    static const size_t cores = std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 4);
    static PasswordCheckGate gate(cores, 4 * cores, std::chrono::milliseconds(3000));
    return gate;
}

}  // namespace cyberachat::security
