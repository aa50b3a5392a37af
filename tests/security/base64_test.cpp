// Base64 for bytes kept in TEXT columns: RFC 4648 test vectors, every byte value round trips,
// anything else is refused.
#include "security/base64.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace cyberachat::security {
namespace base64_test {

TEST(Base64, EncodesAndDecodesTheRfc4648Vectors) {
    const std::pair<std::string, std::string> vectors[] = {
        {"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"}, {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"}};
    for (const auto& [bytes, text] : vectors) {
        EXPECT_EQ(base64_encode(bytes), text);
        EXPECT_EQ(base64_decode(text).value_or("?"), bytes);
    }
}

TEST(Base64, EveryByteValueRoundTrips) {
    std::string bytes;
    for (int round = 0; round < 3; ++round)
        for (int c = 0; c < 256; ++c) bytes += static_cast<char>(c);
    for (size_t length : {size_t(1), size_t(2), size_t(3), bytes.size()}) {
        const std::string part = bytes.substr(0, length);
        EXPECT_EQ(base64_decode(base64_encode(part)).value_or("?"), part) << length << " bytes";
    }
}

TEST(Base64, RefusesWhatIsNotBase64) {
    EXPECT_FALSE(base64_decode("Zm9v!"));
    EXPECT_FALSE(base64_decode("Zg"));        // padding missing
    EXPECT_FALSE(base64_decode("Zm9v\nYmFy")); // no line breaks
    EXPECT_FALSE(base64_decode("Zm-v"));      // the URL-safe alphabet is another one
}

}  // namespace base64_test
}  // namespace cyberachat::security
