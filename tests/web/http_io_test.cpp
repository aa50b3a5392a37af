// One status per error code, and the JSON of an error: its code's name, the message in the
// caller's language, the payload beside "error".
#include <gtest/gtest.h>

#include "web/http_io.hpp"

namespace cyberachat::web {
namespace {

TEST(HttpIo, EachErrorCodeHasOneStatus) {
    auto status = [](ErrorCode code) { return status_for(Error::make(code, "x")); };
    EXPECT_EQ(status(ErrorCode::not_found), 404);
    EXPECT_EQ(status(ErrorCode::storage), 500);  // a failed read is never a 404
    EXPECT_EQ(status(ErrorCode::invalid_value), 422);
    EXPECT_EQ(status(ErrorCode::conflict), 409);
    EXPECT_EQ(status(ErrorCode::incomplete), 409);
    EXPECT_EQ(status(ErrorCode::too_large), 413);
    EXPECT_EQ(status(ErrorCode::forbidden), 403);
    EXPECT_EQ(status(ErrorCode::csrf), 403);
    EXPECT_EQ(status(ErrorCode::unauthorized), 401);
    EXPECT_EQ(status(ErrorCode::bad_request), 400);
    EXPECT_EQ(status(ErrorCode::output_failed), 500);
    for (int i = 0; i <= static_cast<int>(ErrorCode::internal); ++i) {
        const int s = status(static_cast<ErrorCode>(i));
        EXPECT_TRUE(s >= 400 && s < 600) << error_code_name(static_cast<ErrorCode>(i));
    }
}

TEST(HttpIo, AnErrorsJsonCarriesItsPayloadBesideTheError) {
    const Error conflict = Error::make(ErrorCode::conflict, "Modifiée entre-temps.", "Changed meanwhile.")
                               .with_payload({{"current", {{"value", "oui"}, {"revision", 2}}}});
    const auto fr = error_json(conflict, Language::fr);
    EXPECT_EQ(fr["error"]["code"], "conflict");
    EXPECT_EQ(fr["error"]["message"], "Modifiée entre-temps.");
    EXPECT_EQ(fr["current"]["revision"], 2);
    EXPECT_EQ(error_json(conflict, Language::en)["error"]["message"], "Changed meanwhile.");

    httplib::Response res;
    send_json_error(res, Error::make(ErrorCode::not_found, "Achat introuvable.", "Purchase not found."), Language::en);
    EXPECT_EQ(res.status, 404);
    EXPECT_EQ(nlohmann::json::parse(res.body)["error"]["message"], "Purchase not found.");
}

}  // namespace
}  // namespace cyberachat::web
