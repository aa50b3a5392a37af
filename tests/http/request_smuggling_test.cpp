// A request body the server refuses or does not read in full never becomes the next request on the
// connection: the client gets one clean error and the connection is closed. (cpp-httplib 0.11.4,
// left alone, answers the error with "Keep-Alive" and parses the rest of the body as requests.)
#include <gtest/gtest.h>

#include <string>

#include "raw_connection.hpp"
#include "server_process.hpp"

using namespace cyberachat::testing;
using namespace std::chrono_literals;

namespace {

const std::string kMultipartType = "multipart/form-data; boundary=cyb";
const std::string kSmuggledRequest = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

std::string multipart_post(const std::string& path, const std::string& content_type, const std::string& body) {
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + content_type +
           "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string multipart_part(const std::string& name, const std::string& content) {
    return "--cyb\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + content + "\r\n";
}

// Sends `request`, then expects exactly one response and the connection closed by the server.
RawResponse only_response_then_closed(const ServerProcess& server, const std::string& request) {
    RawConnection connection(server.port());
    EXPECT_TRUE(connection.valid());
    EXPECT_TRUE(connection.send_all(request));
    const std::string received = connection.read_until_closed(3s);
    EXPECT_TRUE(connection.closed()) << "the connection stayed open after:\n" << received.substr(0, 600);
    const auto responses = split_responses(received);
    EXPECT_EQ(responses.size(), 1u) << received.substr(0, 2000);
    if (responses.empty()) return {};
    EXPECT_TRUE(responses.front().has_header("Connection", "close")) << responses.front().head;
    return responses.front();
}

}  // namespace

TEST(RequestSmuggling, AMultipartBodyOfMoreThan1024PartsGetsOneJsonErrorAndTheConnectionCloses) {
    ServerProcess server;
    std::string body;
    for (int i = 0; i < 1100; ++i)
        body += multipart_part("field" + std::to_string(i), i > 1024 ? kSmuggledRequest : "x");
    body += multipart_part("last", kSmuggledRequest) + "--cyb--\r\n";
    const auto response =
        only_response_then_closed(server, multipart_post("/api/v1/vendor/submit", kMultipartType, body));
    EXPECT_EQ(response.status, 400);
    EXPECT_TRUE(response.has_header("Content-Type", "application/json; charset=utf-8")) << response.head;
    EXPECT_NE(response.body.find("multipart"), std::string::npos) << response.body;
    EXPECT_NE(response.body.find("1 024"), std::string::npos) << response.body;  // French first
    EXPECT_NE(response.body.find("1,024"), std::string::npos) << response.body;  // then English
}

TEST(RequestSmuggling, AMultipartBodyWithoutBoundaryGetsOneErrorPageAndTheConnectionCloses) {
    ServerProcess server;
    const auto response =
        only_response_then_closed(server, multipart_post("/login", "multipart/form-data", kSmuggledRequest));
    EXPECT_EQ(response.status, 400);
    EXPECT_TRUE(response.has_header("Content-Type", "text/html; charset=utf-8")) << response.head;
    EXPECT_NE(response.body.find("multipart illisible"), std::string::npos) << response.body;
}

TEST(RequestSmuggling, AnUnterminatedMultipartBodyGetsOneErrorAndTheConnectionCloses) {
    ServerProcess server;
    const std::string body = multipart_part("file", "début\r\n" + kSmuggledRequest);  // no closing "--cyb--"
    const auto response =
        only_response_then_closed(server, multipart_post("/api/v1/vendor/submit", kMultipartType, body));
    EXPECT_EQ(response.status, 400);
    EXPECT_TRUE(response.has_header("Content-Type", "application/json; charset=utf-8")) << response.head;
}

TEST(RequestSmuggling, ABodyOnAGetIsNotReadAsTheNextRequest) {
    ServerProcess server;
    const std::string request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " +
                                std::to_string(kSmuggledRequest.size()) + "\r\n\r\n" + kSmuggledRequest;
    const auto response = only_response_then_closed(server, request);
    EXPECT_EQ(response.status, 200);
}

TEST(RequestSmuggling, AWellFormedMultipartBodyKeepsTheConnectionForTheNextRequest) {
    ServerProcess server;
    RawConnection connection(server.port());
    ASSERT_TRUE(connection.valid());
    const std::string body =
        multipart_part("email", ServerProcess::kEmail) + multipart_part("password", "wrong") + "--cyb--\r\n";
    ASSERT_TRUE(connection.send_all(multipart_post("/login", kMultipartType, body) + kSmuggledRequest));
    const auto responses = split_responses(connection.read_responses(2, 3s));
    ASSERT_EQ(responses.size(), 2u);
    EXPECT_GE(responses[0].status, 200);  // whatever the login form says of a missing CSRF token
    EXPECT_FALSE(responses[0].has_header("Connection", "close")) << responses[0].head;
    EXPECT_EQ(responses[1].status, 200);
    EXPECT_FALSE(connection.closed());
}
