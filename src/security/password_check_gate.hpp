#pragma once
// A bound on the password hashes computed at once. Each argon2id check takes 64 MiB and a core
// for some 85 ms: a few run together (as many as cores), a short queue waits its turn, and any
// caller beyond it is turned away at once (the login answers 503 "server busy") instead of piling
// up threads and memory. So a flood of logins costs at most `concurrent` × 64 MiB.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>

namespace cyberachat::security {

class PasswordCheckGate {
public:
    // `concurrent` checks at once (at least 1); at most `queue` callers waiting, each at most `max_wait`.
    PasswordCheckGate(size_t concurrent, size_t queue, std::chrono::milliseconds max_wait);
    PasswordCheckGate(const PasswordCheckGate&) = delete;
    PasswordCheckGate& operator=(const PasswordCheckGate&) = delete;

    // Held while the hash is computed; gives its place back when destroyed.
    class Permit {
    public:
        Permit(Permit&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
        Permit& operator=(Permit&&) = delete;
        Permit(const Permit&) = delete;
        ~Permit();

    private:
        friend class PasswordCheckGate;
        explicit Permit(PasswordCheckGate* gate) : gate_(gate) {}
        PasswordCheckGate* gate_;
    };

    // A permit, after waiting in the queue if need be; nullopt when the queue is full or the
    // wait ran out: the server is busy.
    std::optional<Permit> enter();

    size_t running() const;
    size_t waiting() const;
    size_t most_running() const;  // the highest number of checks that ran at once so far

    // For the server: as many checks at once as cores (1 to 4), a queue of 4 per core, 3 s at most.
    static PasswordCheckGate& for_logins();

private:
    void leave();

    const size_t concurrent_, queue_;
    const std::chrono::milliseconds max_wait_;
    mutable std::mutex mutex_;
    std::condition_variable freed_;
    size_t running_ = 0, waiting_ = 0, most_running_ = 0;
};

}  // namespace cyberachat::security
