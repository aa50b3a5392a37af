// Many clients at once, idle keep-alive clients and slow clients never starve the others: a
// connection waiting for its next request holds no thread, a half-sent request is dropped after
// the header timeout (docs/decisions/0002-connection-handling.md).
#include <poll.h>
#include <sys/socket.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "raw_connection.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using namespace std::chrono_literals;
using LimitsClock = std::chrono::steady_clock;

namespace {

const std::string kKeepAliveHealthzRequest = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

// A line of /proc/<pid>/status, e.g. "VmRSS" → "41236 kB".
std::string server_status_field(int pid, const std::string& field) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind(field + ":", 0) == 0) {
            const size_t value = line.find_first_not_of(" \t", field.size() + 1);
            return value == std::string::npos ? "" : line.substr(value);
        }
    return "";
}

double elapsed_ms_since(LimitsClock::time_point start) {
    return std::chrono::duration<double, std::milli>(LimitsClock::now() - start).count();
}

// Time for a new client to get GET /healthz answered (-1 if it was not, within 3 s).
double fresh_client_healthz_ms(const ServerProcess& server) {
    httplib::Client client("127.0.0.1", server.port());
    client.set_connection_timeout(3, 0);
    client.set_read_timeout(3, 0);
    const auto start = LimitsClock::now();
    auto result = client.Get("/healthz");
    if (!result || result->status != 200) return -1;
    return elapsed_ms_since(start);
}

}  // namespace

TEST(ConnectionLimits, FiveHundredKeepAliveClientsEachGetAFirstAnswerWithinTwoSeconds) {
    allow_many_open_files();
    ServerProcess server;
    constexpr size_t kClients = 500;
    std::vector<RawConnection> clients;
    clients.reserve(kClients);
    std::vector<LimitsClock::time_point> sent_at(kClients);
    std::vector<double> first_answer_ms(kClients, -1);
    std::vector<std::string> received(kClients);
    std::vector<bool> done(kClients, false);  // answered, or closed without an answer
    for (size_t i = 0; i < kClients; ++i) {
        clients.emplace_back(server.port());
        ASSERT_TRUE(clients.back().valid()) << "connection " << i;
        sent_at[i] = LimitsClock::now();
        ASSERT_TRUE(clients.back().send_all(kKeepAliveHealthzRequest)) << "connection " << i;
    }
    // Every client waits for its answer and keeps its connection open afterwards (keep-alive).
    const auto deadline = LimitsClock::now() + 4s;
    size_t answered = 0;
    while (answered < kClients && LimitsClock::now() < deadline) {
        std::vector<pollfd> waiting;
        std::vector<size_t> owner;
        for (size_t i = 0; i < kClients; ++i)
            if (!done[i]) {
                waiting.push_back({clients[i].fd(), POLLIN, 0});
                owner.push_back(i);
            }
        if (::poll(waiting.data(), waiting.size(), 100) <= 0) continue;
        for (size_t k = 0; k < waiting.size(); ++k) {
            if (!(waiting[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            const size_t i = owner[k];
            char buffer[4096];
            const ssize_t n = ::recv(clients[i].fd(), buffer, sizeof buffer, 0);
            if (n > 0) received[i].append(buffer, static_cast<size_t>(n));
            if (split_responses(received[i]).size() == 1) {
                first_answer_ms[i] = std::chrono::duration<double, std::milli>(LimitsClock::now() - sent_at[i]).count();
                ++answered;
                done[i] = true;
            } else if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
                done[i] = true;  // closed without a (complete) answer
            }
        }
    }
    const double worst = *std::max_element(first_answer_ms.begin(), first_answer_ms.end());
    size_t within_two_seconds = 0;
    for (double ms : first_answer_ms) within_two_seconds += ms >= 0 && ms <= 2000 ? 1 : 0;
    const std::string rss = server_status_field(server.pid(), "VmRSS");
    const std::string threads = server_status_field(server.pid(), "Threads");
    const double fresh_client_ms = fresh_client_healthz_ms(server);  // with the 500 connections still open
    std::cout << "[ figures  ] " << within_two_seconds << "/" << kClients << " answered within 2 s, worst "
              << (answered == kClients ? std::to_string(static_cast<int>(worst)) + " ms" : "unanswered after 4 s")
              << ", server RSS " << rss << ", " << threads << " threads, new client " << fresh_client_ms << " ms\n";
    EXPECT_EQ(within_two_seconds, kClients) << answered << " answered at all within 4 s";
    for (size_t i = 0; i < kClients; ++i)
        if (first_answer_ms[i] >= 0) {
            EXPECT_EQ(split_responses(received[i]).front().status, 200);
        }
    EXPECT_GE(fresh_client_ms, 0);
    EXPECT_LT(fresh_client_ms, 1000);
    // The idle connections are still open and usable.
    ASSERT_TRUE(clients.front().send_all(kKeepAliveHealthzRequest));
    ASSERT_EQ(split_responses(clients.front().read_responses(1, 2s)).size(), 1u);
}

TEST(ConnectionLimits, HalfSentRequestsDoNotDelayOtherClientsAndAreClosedAfterTheHeaderTimeout) {
    allow_many_open_files();
    ServerProcess server({"--header-timeout-seconds", "2"});
    std::vector<RawConnection> slow;
    for (int i = 0; i < 100; ++i) {
        slow.emplace_back(server.port());
        ASSERT_TRUE(slow.back().valid());
        ASSERT_TRUE(slow.back().send_all("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Unfinished: "));
    }
    const auto sent = LimitsClock::now();
    std::this_thread::sleep_for(200ms);  // the server has taken them all up
    double worst = 0;
    for (int i = 0; i < 5; ++i) {
        const double ms = fresh_client_healthz_ms(server);
        EXPECT_GE(ms, 0) << "GET /healthz unanswered within 3 s behind 100 half-sent requests";
        worst = std::max(worst, ms < 0 ? 3000 : ms);
    }
    EXPECT_LT(worst, 1000);
    // Each slow connection ends (the server gives up on its headers) soon after the 2 s timeout.
    size_t closed = 0;
    for (auto& connection : slow) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(sent + 5s - LimitsClock::now());
        connection.read_until_closed(std::max(left, std::chrono::milliseconds(1)));
        closed += connection.closed() ? 1 : 0;
    }
    std::cout << "[ figures  ] /healthz behind 100 half-sent requests: worst " << worst << " ms; " << closed
              << "/100 closed after " << static_cast<int>(elapsed_ms_since(sent)) << " ms\n";
    EXPECT_EQ(closed, 100u);
    EXPECT_GE(elapsed_ms_since(sent), 1900) << "closed before the header timeout";
}

TEST(ConnectionLimits, AKeepAliveConnectionServesPipelinedAndLaterRequestsThenClosesWhenIdleTooLong) {
    ServerProcess server({"--keep-alive-seconds", "1"});
    RawConnection connection(server.port());
    ASSERT_TRUE(connection.valid());
    // Two requests in one packet.
    ASSERT_TRUE(connection.send_all(kKeepAliveHealthzRequest + kKeepAliveHealthzRequest));
    auto responses = split_responses(connection.read_responses(2, 2s));
    ASSERT_EQ(responses.size(), 2u);
    EXPECT_EQ(responses[0].status, 200);
    EXPECT_EQ(responses[1].status, 200);
    std::this_thread::sleep_for(400ms);  // idle, but within the keep-alive timeout
    ASSERT_TRUE(connection.send_all(kKeepAliveHealthzRequest));
    responses = split_responses(connection.read_responses(1, 2s));
    ASSERT_EQ(responses.size(), 1u);
    EXPECT_EQ(responses[0].status, 200);
    EXPECT_TRUE(responses[0].has_header("Keep-Alive", "timeout=1, max=10000"));
    const auto idle_since = LimitsClock::now();
    EXPECT_EQ(connection.read_until_closed(3s), "");
    EXPECT_TRUE(connection.closed());
    EXPECT_GE(elapsed_ms_since(idle_since), 900);
    EXPECT_LT(elapsed_ms_since(idle_since), 2500);
}

TEST(ConnectionLimits, TheServerStopsPromptlyWithIdleKeepAliveConnectionsOpen) {
    ServerProcess server;
    std::vector<RawConnection> idle;
    for (int i = 0; i < 50; ++i) {
        idle.emplace_back(server.port());
        ASSERT_TRUE(idle.back().valid());
        ASSERT_TRUE(idle.back().send_all(kKeepAliveHealthzRequest));
        ASSERT_EQ(split_responses(idle.back().read_responses(1, 2s)).size(), 1u);
    }
    const auto stopping = LimitsClock::now();
    server.stop();  // SIGTERM, then waits for the process to exit
    EXPECT_LT(elapsed_ms_since(stopping), 2000);
    for (auto& connection : idle) {
        connection.read_until_closed(500ms);
        EXPECT_TRUE(connection.closed());
    }
}
