#pragma once
// The time the domain decides with (deadlines, reminders, late submissions): the system clock in
// production, a clock the tests set and advance. Seconds since 1970-01-01 UTC.
#include <atomic>
#include <chrono>
#include <string>

namespace cyberachat {

class Clock {
public:
    virtual ~Clock() = default;
    virtual long long now_utc_seconds() const = 0;
    std::string now_iso() const;  // "2026-12-02T08:05:00Z"
};

class SystemClock final : public Clock {
public:
    long long now_utc_seconds() const override {
        return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    }
};

// Set by the tests; safe to read from other threads while a test moves it.
class ManualClock final : public Clock {
public:
    explicit ManualClock(long long utc_seconds) : now_(utc_seconds) {}
    long long now_utc_seconds() const override { return now_.load(); }
    void set(long long utc_seconds) { now_.store(utc_seconds); }
    void advance(long long seconds) { now_.fetch_add(seconds); }

private:
    std::atomic<long long> now_;
};

// The process's system clock (for code given no other).
const Clock& system_clock();

}  // namespace cyberachat
