#include "web/idle_connections.hpp"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace cyberachat::web {

IdleConnections::IdleConnections(size_t capacity)
    : capacity_(std::max<size_t>(capacity, 1)),
      epoll_(::epoll_create1(EPOLL_CLOEXEC)),
      wake_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = wake_;
    ::epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &event);
}

IdleConnections::~IdleConnections() {
    stop();
    ::close(wake_);
    ::close(epoll_);
}

void IdleConnections::start(Ready ready) {
    std::lock_guard lock(mutex_);
    if (watching_) return;
    ready_ = std::move(ready);
    watching_ = true;
    thread_ = std::thread([this] { watch(); });
}

void IdleConnections::stop() {
    {
        std::lock_guard lock(mutex_);
        if (!watching_) return;
        watching_ = false;
    }
    const uint64_t one = 1;
    [[maybe_unused]] const ssize_t written = ::write(wake_, &one, sizeof one);
    if (thread_.joinable()) thread_.join();
    std::vector<std::unique_ptr<ClientConnection>> closing;
    {
        std::lock_guard lock(mutex_);
        while (!entries_.empty()) closing.push_back(remove_locked(entries_.begin()->first));
        uint64_t count = 0;
        [[maybe_unused]] const ssize_t drained = ::read(wake_, &count, sizeof count);
    }
}  // `closing` goes out of scope: every socket is closed outside the lock

size_t IdleConnections::size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

void IdleConnections::wait_for_request(std::unique_ptr<ClientConnection> connection,
                                       std::chrono::milliseconds timeout) {
    connection->release_buffer();
    add(std::move(connection), timeout, false);
}

void IdleConnections::close_gracefully(std::unique_ptr<ClientConnection> connection,
                                       std::chrono::milliseconds linger) {
    connection->shut_down_writing();
    if (!connection->discard_available_input()) return;  // the client closed already: closed now
    connection->release_buffer();
    add(std::move(connection), linger, true);
}

void IdleConnections::add(std::unique_ptr<ClientConnection> connection, std::chrono::milliseconds timeout,
                          bool closing) {
    std::unique_ptr<ClientConnection> evicted;
    std::lock_guard lock(mutex_);
    if (!watching_) return;  // stopped: `connection` is closed on return
    if (entries_.size() >= capacity_ && !deadlines_.empty()) evicted = remove_locked(deadlines_.begin()->second);
    const int fd = connection->socket();
    const auto deadline = Clock::now() + timeout;
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP;
    event.data.fd = fd;
    entries_[fd] = Entry{std::move(connection), deadline, closing};
    deadlines_.emplace(deadline, fd);
    if (::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &event) != 0) evicted = remove_locked(fd);
}  // the lock is released before `evicted` (declared first) closes its socket

std::unique_ptr<ClientConnection> IdleConnections::remove_locked(int fd) {
    auto found = entries_.find(fd);
    if (found == entries_.end()) return nullptr;
    ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);  // before the socket can close and its number be reused
    deadlines_.erase({found->second.deadline, fd});
    auto connection = std::move(found->second.connection);
    entries_.erase(found);
    return connection;
}

void IdleConnections::watch() {
    std::vector<epoll_event> events(256);
    while (true) {
        int timeout_ms = 1000;
        {
            std::lock_guard lock(mutex_);
            if (!watching_) return;
            if (!deadlines_.empty()) {
                const auto left =
                    std::chrono::ceil<std::chrono::milliseconds>(deadlines_.begin()->first - Clock::now());
                timeout_ms = static_cast<int>(std::clamp<long long>(left.count(), 0, 1000));
            }
        }
        const int count = ::epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), timeout_ms);
        std::vector<std::unique_ptr<ClientConnection>> ready, finished;
        {
            std::lock_guard lock(mutex_);
            if (!watching_) return;
            for (int i = 0; i < count; ++i) {
                const int fd = events[i].data.fd;
                if (fd == wake_) continue;
                auto found = entries_.find(fd);
                if (found == entries_.end()) continue;
                if (!found->second.closing) ready.push_back(remove_locked(fd));
                else if (!found->second.connection->discard_available_input()) finished.push_back(remove_locked(fd));
            }
            const auto now = Clock::now();
            while (!deadlines_.empty() && deadlines_.begin()->first <= now)
                finished.push_back(remove_locked(deadlines_.begin()->second));
        }
        finished.clear();  // closes, outside the lock
        for (auto& connection : ready) ready_(std::move(connection));
    }
}

}  // namespace cyberachat::web
