#include "web/elastic_thread_pool.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>

namespace cyberachat::web {

ElasticThreadPool::ElasticThreadPool(size_t kept, size_t max, std::chrono::milliseconds idle_exit,
                                     std::function<void()> before_shutdown)
    : kept_(std::min(kept, std::max<size_t>(max, 1))),
      max_(std::max<size_t>(max, 1)),
      idle_exit_(idle_exit),
      before_shutdown_(std::move(before_shutdown)) {
    std::lock_guard lock(mutex_);
    for (size_t i = 0; i < kept_; ++i) start_thread_locked();
}

ElasticThreadPool::~ElasticThreadPool() { shutdown(); }

size_t ElasticThreadPool::threads() const {
    std::lock_guard lock(mutex_);
    return threads_.size();
}

bool ElasticThreadPool::tasks_waiting() const {
    std::lock_guard lock(mutex_);
    return tasks_.size() > idle_;
}

void ElasticThreadPool::enqueue(std::function<void()> task) {
    {
        std::lock_guard lock(mutex_);
        tasks_.push_back(std::move(task));
        // Each idle thread takes one task: start another when the waiting tasks outnumber them.
        if (!shutting_down_ && idle_ < tasks_.size() && threads_.size() < max_) start_thread_locked();
    }
    wake_.notify_one();
}

void ElasticThreadPool::start_thread_locked() {
    for (auto& ended : exited_) ended.join();  // already returned, or about to
    exited_.clear();
    auto self = threads_.emplace(threads_.end());
    *self = std::thread([this, self] { work(self); });  // it waits for the lock held here
}

void ElasticThreadPool::work(std::list<std::thread>::iterator self) {
    std::unique_lock lock(mutex_);
    while (true) {
        if (!tasks_.empty()) {
            auto task = std::move(tasks_.front());
            tasks_.pop_front();
            lock.unlock();
            try {
                task();
            } catch (const std::exception& e) {
                spdlog::error("connection task failed: {}", e.what());
            } catch (...) {
                spdlog::error("connection task failed");
            }
            task = nullptr;  // whatever it holds goes before the lock is taken again
            lock.lock();
            continue;
        }
        if (shutting_down_) return;
        ++idle_;
        const bool woken = wake_.wait_for(lock, idle_exit_, [this] { return !tasks_.empty() || shutting_down_; });
        --idle_;
        if (!woken && threads_.size() > kept_) {
            exited_.push_back(std::move(*self));
            threads_.erase(self);
            return;
        }
    }
}

void ElasticThreadPool::shutdown() {
    {
        std::lock_guard lock(mutex_);
        if (shutting_down_) return;
    }
    if (before_shutdown_) before_shutdown_();
    {
        std::lock_guard lock(mutex_);
        shutting_down_ = true;
    }
    wake_.notify_all();
    // No thread starts or ends for idleness any more: the lists are stable.
    for (auto& thread : threads_) thread.join();
    for (auto& thread : exited_) thread.join();
    std::lock_guard lock(mutex_);
    threads_.clear();
    exited_.clear();
}

}  // namespace cyberachat::web
