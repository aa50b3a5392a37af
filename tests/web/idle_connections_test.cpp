// Connections between two requests wait without a thread: each is handed back when its next
// request arrives, closed after its timeout, or closed to make room; stop() closes them all, and
// a graceful close ends the stream for the client.
#include "web/idle_connections.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

using namespace cyberachat::web;
using namespace std::chrono_literals;

namespace {

// A connected pair: the server side as a ClientConnection, the client side as a plain socket.
struct ParkedSocketPair {
    std::unique_ptr<ClientConnection> server;
    int client = -1;
    ParkedSocketPair() {
        int fds[2];
        EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
        server = std::make_unique<ClientConnection>(fds[0], StreamTimeouts{});
        client = fds[1];
    }
    ~ParkedSocketPair() { ::close(client); }
    // Whether the server side closed (end of stream) within `limit`.
    bool client_sees_close(std::chrono::milliseconds limit) const {
        pollfd item{client, POLLIN, 0};
        if (::poll(&item, 1, static_cast<int>(limit.count())) != 1) return false;
        char byte;
        return ::recv(client, &byte, 1, MSG_DONTWAIT) == 0;
    }
};

struct HandedBackConnections {
    std::mutex mutex;
    std::condition_variable arrived;
    std::vector<std::unique_ptr<ClientConnection>> connections;
    IdleConnections::Ready ready() {
        return [this](std::unique_ptr<ClientConnection> connection) {
            std::lock_guard lock(mutex);
            connections.push_back(std::move(connection));
            arrived.notify_all();
        };
    }
    bool wait(size_t count, std::chrono::milliseconds limit) {
        std::unique_lock lock(mutex);
        return arrived.wait_for(lock, limit, [&] { return connections.size() >= count; });
    }
};

}  // namespace

TEST(IdleConnections, AConnectionIsHandedBackWhenItsNextRequestArrives) {
    HandedBackConnections handed;
    IdleConnections idle(16);
    idle.start(handed.ready());
    ParkedSocketPair pair;
    ClientConnection* server = pair.server.get();
    idle.wait_for_request(std::move(pair.server), 5s);
    EXPECT_EQ(idle.size(), 1u);
    ASSERT_EQ(::send(pair.client, "GET", 3, 0), 3);
    ASSERT_TRUE(handed.wait(1, 2s));
    EXPECT_EQ(handed.connections.front().get(), server);
    EXPECT_EQ(idle.size(), 0u);
    char buffer[3];
    EXPECT_EQ(handed.connections.front()->read(buffer, 3), 3);  // the bytes are still there
}

TEST(IdleConnections, AConnectionSilentPastItsTimeoutIsClosed) {
    HandedBackConnections handed;
    IdleConnections idle(16);
    idle.start(handed.ready());
    ParkedSocketPair pair;
    const auto start = std::chrono::steady_clock::now();
    idle.wait_for_request(std::move(pair.server), 200ms);
    EXPECT_TRUE(pair.client_sees_close(2s));
    EXPECT_GE(std::chrono::steady_clock::now() - start, 190ms);
    EXPECT_EQ(idle.size(), 0u);
    EXPECT_TRUE(handed.connections.empty());
}

TEST(IdleConnections, BeyondCapacityTheConnectionClosestToItsDeadlineIsClosed) {
    HandedBackConnections handed;
    IdleConnections idle(2);
    idle.start(handed.ready());
    ParkedSocketPair first, second, third;
    idle.wait_for_request(std::move(first.server), 5s);
    idle.wait_for_request(std::move(second.server), 5s);
    idle.wait_for_request(std::move(third.server), 5s);
    EXPECT_TRUE(first.client_sees_close(1s));
    EXPECT_FALSE(second.client_sees_close(50ms));
    EXPECT_EQ(idle.size(), 2u);
}

TEST(IdleConnections, StopClosesEveryWaitingConnectionAndLaterOnesAtOnce) {
    HandedBackConnections handed;
    IdleConnections idle(16);
    idle.start(handed.ready());
    ParkedSocketPair waiting, late;
    idle.wait_for_request(std::move(waiting.server), 5s);
    idle.stop();
    EXPECT_TRUE(waiting.client_sees_close(1s));
    idle.wait_for_request(std::move(late.server), 5s);
    EXPECT_TRUE(late.client_sees_close(1s));
    EXPECT_EQ(idle.size(), 0u);
}

TEST(IdleConnections, AGracefulCloseEndsTheStreamAndDropsWhatTheClientStillSends) {
    HandedBackConnections handed;
    IdleConnections idle(16);
    idle.start(handed.ready());
    ParkedSocketPair pair;
    ASSERT_EQ(::send(pair.client, "left over", 9, 0), 9);  // unread input: a plain close would reset
    idle.close_gracefully(std::move(pair.server), 2s);
    EXPECT_TRUE(pair.client_sees_close(1s));
    EXPECT_EQ(idle.size(), 1u);  // still draining until the client closes
    ASSERT_EQ(::send(pair.client, "more", 4, 0), 4);
    ::shutdown(pair.client, SHUT_WR);
    const auto deadline = std::chrono::steady_clock::now() + 2s;
    while (idle.size() > 0 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(10ms);
    EXPECT_EQ(idle.size(), 0u);
    EXPECT_TRUE(handed.connections.empty());
}
