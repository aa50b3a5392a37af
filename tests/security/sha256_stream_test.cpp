#include "security/sha256_stream.hpp"

#include <gtest/gtest.h>

#include "security/secrets.hpp"

namespace cyberachat::security {
namespace {

TEST(SecuritySha256Stream, PiecesGiveTheDigestOfTheWhole) {
    std::string whole;
    for (int i = 0; i < 5000; ++i) whole += static_cast<char>(i * 7 % 256);
    Sha256Stream stream;
    for (size_t at = 0; at < whole.size(); at += 333) stream.update(std::string_view(whole).substr(at, 333));
    EXPECT_EQ(stream.hex_digest(), sha256_hex(whole));
}

TEST(SecuritySha256Stream, KnownDigests) {
    Sha256Stream empty;
    EXPECT_EQ(empty.hex_digest(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    Sha256Stream abc;
    abc.update("a");
    abc.update("bc");
    EXPECT_EQ(abc.hex_digest(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace cyberachat::security
