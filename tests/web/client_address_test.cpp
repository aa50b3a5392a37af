// The address the login limits count: X-Forwarded-For only from a proxy Cyberachat trusts.
#include "web/client_address.hpp"

#include <gtest/gtest.h>

using namespace cyberachat::web;

TEST(ClientAddress, APeerOnThisMachineIsTheProxyInFront) {
    EXPECT_EQ(client_address("127.0.0.1", "203.0.113.7", {}), "203.0.113.7");
    EXPECT_EQ(client_address("::1", "198.51.100.1, 203.0.113.7", {}), "203.0.113.7");  // the entry the proxy added
    EXPECT_EQ(client_address("127.0.0.1", "", {}), "127.0.0.1");
}

TEST(ClientAddress, AnotherHostsHeaderCountsOnlyWhenItIsATrustedProxy) {
    EXPECT_EQ(client_address("10.0.0.5", "203.0.113.7", {}), "10.0.0.5");  // a client writing the header itself
    EXPECT_EQ(client_address("10.0.0.5", "203.0.113.7", {"10.0.0.5"}), "203.0.113.7");
    EXPECT_EQ(client_address("10.0.0.6", "203.0.113.7", {"10.0.0.5"}), "10.0.0.6");
}

TEST(ClientAddress, AnImplausibleEntryIsIgnored) {
    EXPECT_EQ(client_address("127.0.0.1", "<script>", {}), "127.0.0.1");
    EXPECT_EQ(client_address("127.0.0.1", "203.0.113.7, ", {}), "127.0.0.1");
    EXPECT_EQ(client_address("127.0.0.1", std::string(60, '1'), {}), "127.0.0.1");
}
