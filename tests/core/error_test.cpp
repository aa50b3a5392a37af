// Error codes: each has its own stable name (the API's error.code), and a payload travels with it.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "core/error.hpp"

namespace cyberachat {
namespace {

TEST(ErrorCodes, EveryCodeHasItsOwnName) {
    std::set<std::string> names;
    for (int i = 0; i <= static_cast<int>(ErrorCode::internal); ++i) {
        const std::string name(error_code_name(static_cast<ErrorCode>(i)));
        EXPECT_FALSE(name.empty());
        EXPECT_TRUE(names.insert(name).second) << "two codes named " << name;
    }
    EXPECT_EQ(error_code_name(ErrorCode::invalid_value), "invalid_value");  // the API's historic names
    EXPECT_EQ(error_code_name(ErrorCode::not_found), "not_found");
    std::ostringstream printed;
    printed << ErrorCode::conflict;
    EXPECT_EQ(printed.str(), "conflict");
}

TEST(ErrorCodes, MessagesInBothLanguagesAndAPayload) {
    Error error = Error::make(ErrorCode::conflict, "Modifiée entre-temps.", "Changed meanwhile.")
                      .with_payload({{"current", {{"revision", 3}}}});
    EXPECT_EQ(error.message.in(Language::fr), "Modifiée entre-temps.");
    EXPECT_EQ(error.message.in(Language::en), "Changed meanwhile.");
    EXPECT_EQ(error.payload["current"]["revision"], 3);
    const Error french_only = Error::make(ErrorCode::storage, "Erreur de stockage.");
    EXPECT_EQ(french_only.message.in(Language::en), "Erreur de stockage.");  // English falls back to French
    EXPECT_TRUE(french_only.payload.is_null());
}

}  // namespace
}  // namespace cyberachat
