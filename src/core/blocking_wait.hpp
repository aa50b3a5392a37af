#pragma once
// Marks a stretch where the calling thread waits rather than computes: for the disk (a commit's
// fsync), for a lock another request holds (the database's writer), for another server (the
// directory). Whoever shares the CPU between requests (web/request_gate.hpp) is told, and gives
// the thread's turn to the next request meanwhile. Without an observer on the thread (the CLI,
// tests, the mail worker), it does nothing.
namespace cyberachat {

class BlockingWait {
public:
    struct Observer {
        virtual void wait_begins() = 0;
        virtual void wait_ends() = 0;

    protected:
        ~Observer() = default;
    };

    BlockingWait() : observer_(current()) {
        if (observer_) observer_->wait_begins();
    }
    ~BlockingWait() {
        if (observer_) observer_->wait_ends();
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
};

}  // namespace cyberachat
