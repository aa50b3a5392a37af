#pragma once
// The worker threads of the HTTP server (an httplib::TaskQueue): `kept` threads start at once and
// stay; when a task finds no idle thread, another starts, up to `max`; beyond, tasks wait their
// turn in order. A thread idle for `idle_exit` beyond the kept ones ends.
//
// httplib's ThreadPool has a fixed size: with 64 threads, the 65th client waited for one of the
// first 64 to leave, however little work there was.
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <list>
#include <mutex>
#include <thread>
#include <vector>

namespace cyberachat::web {

class ElasticThreadPool final : public httplib::TaskQueue {
public:
    // `before_shutdown` runs first thing in shutdown() (e.g. to stop feeding tasks).
    ElasticThreadPool(size_t kept, size_t max, std::chrono::milliseconds idle_exit,
                      std::function<void()> before_shutdown = nullptr);
    ~ElasticThreadPool() override;
    ElasticThreadPool(const ElasticThreadPool&) = delete;
    ElasticThreadPool& operator=(const ElasticThreadPool&) = delete;

    void enqueue(std::function<void()> task) override;
    // Runs the tasks already queued, then ends every thread.
    void shutdown() override;

    size_t threads() const;
    // Whether a task waits that no idle thread is about to take (all `max` threads are busy).
    bool tasks_waiting() const;

private:
    void start_thread_locked();
    void work(std::list<std::thread>::iterator self);

    const size_t kept_, max_;
    const std::chrono::milliseconds idle_exit_;
    std::function<void()> before_shutdown_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> tasks_;
    std::list<std::thread> threads_;   // running
    std::vector<std::thread> exited_;  // ended for idleness, joined at the next start or at shutdown
    size_t idle_ = 0;
    bool shutting_down_ = false;
};

}  // namespace cyberachat::web
