#pragma once
// Marks a stretch where the calling thread waits rather than computes: for the disk (a commit's
// fsync), for a lock another request holds (the database's writer), for another server (the
// directory). Whoever shares the CPU between requests (web/request_gate.hpp) is told, and gives
// the thread's turn to the next request meanwhile. Without an observer on the thread (the CLI,
// tests, the mail worker), it does nothing.
namespace cyberachat {

class BlockingWait {
public:
    // After the wait: the request computes on, so it waits for a turn again (the default); or what
    // follows is only its answer (a commit's: the saved answer), and it finishes without one —
    // queueing again would cost more than what is left to do.
    enum class Then { take_a_turn_again, finish_without_a_turn };

    struct Observer {
        virtual void wait_begins() = 0;
        virtual void wait_ends(Then then) = 0;

    protected:
        ~Observer() = default;
    };

    explicit BlockingWait(Then then = Then::take_a_turn_again) : observer_(current()), then_(then) {
        if (observer_) observer_->wait_begins();
    }
    ~BlockingWait() {
        if (observer_) observer_->wait_ends(then_);
    }
    BlockingWait(const BlockingWait&) = delete;
    BlockingWait& operator=(const BlockingWait&) = delete;

    // The calling thread's observer (null: none); set for the time of a request's turn.
    static Observer*& current() {
        thread_local Observer* observer = nullptr;
        return observer;
    }

private:
    Observer* observer_;
    Then then_;
};

}  // namespace cyberachat
