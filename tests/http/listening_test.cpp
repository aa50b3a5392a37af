// The listening socket: a port in use is refused (no silent sharing), and a burst of connections
// is queued by the kernel while the workers are busy instead of being dropped.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "server_process.hpp"

using namespace cyberachat::testing;

namespace {

// Starts a TCP connection to 127.0.0.1:port without waiting; -1 on failure.
int start_connect(int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (fd < 0) return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
    return fd;
}

// Whether the connection is established within `milliseconds`.
bool established(int fd, int milliseconds) {
    pollfd item{fd, POLLOUT, 0};
    if (::poll(&item, 1, milliseconds) != 1) return false;
    int error = 0;
    socklen_t length = sizeof(error);
    ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length);
    return error == 0;
}

}  // namespace

TEST(Listening, ASecondServerOnTheSamePortRefusesToStart) {
    ServerProcess server;
    const std::string data = server.data_dir() + "-second";
    const std::string command = std::string(CYB_BINARY) + " serve --port " + std::to_string(server.port()) +
                                " --data " + data + " 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string output;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
    const int status = ::pclose(pipe);
    std::filesystem::remove_all(data);
    EXPECT_EQ(WEXITSTATUS(status), 1) << output;
    EXPECT_NE(output.find("port déjà utilisé"), std::string::npos) << output;
    // the first server still answers
    auto health = server.client().Get("/healthz");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
}

TEST(Listening, ABurstOfConnectionsIsQueuedWhileTheServerIsBusy) {
    ServerProcess server;
    // Frozen, the server accepts nothing: only the kernel's queue (the listen backlog) holds them.
    ASSERT_EQ(::kill(server.pid(), SIGSTOP), 0);
    std::vector<int> sockets;
    for (int i = 0; i < 60; ++i) sockets.push_back(start_connect(server.port()));
    int queued = 0;
    for (int fd : sockets) queued += fd >= 0 && established(fd, 300) ? 1 : 0;
    ASSERT_EQ(::kill(server.pid(), SIGCONT), 0);
    for (int fd : sockets)
        if (fd >= 0) ::close(fd);
    EXPECT_EQ(queued, 60) << "connections beyond the backlog wait a second for a SYN retry";
    auto health = server.client().Get("/healthz");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
}
