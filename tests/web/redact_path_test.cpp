// What the access log may show of a path: never a secret, whatever its spelling.
#include "web/http_server.hpp"

#include <gtest/gtest.h>

using cyberachat::web::redact_path;

namespace {
const std::string kToken = "q3V9xLmN0pR7sT2uW5yZ8aB1cD4eF6gH9iJ0kL2mN4o";  // the shape of random_token()
}

TEST(RedactPath, InvitationLinksInEverySpelling) {
    EXPECT_EQ(redact_path("/invitation/" + kToken), "/invitation/[secret]");
    EXPECT_EQ(redact_path("//invitation/" + kToken), "//invitation/[secret]");
    EXPECT_EQ(redact_path("/./invitation/" + kToken), "/./invitation/[secret]");
    EXPECT_EQ(redact_path("/INVITATION/" + kToken), "/INVITATION/[secret]");
    EXPECT_EQ(redact_path("/Invitation//abc"), "/Invitation//[secret]");
    EXPECT_EQ(redact_path("/invitation/short/and/more"), "/invitation/[secret]/[secret]/[secret]");
}

TEST(RedactPath, TokenShapedSegmentsAnywhere) {
    EXPECT_EQ(redact_path("/vendor/" + kToken + "/x"), "/vendor/[secret]/x");
    EXPECT_EQ(redact_path("/a/prefix-" + kToken), "/a/[secret]");
}

TEST(RedactPath, OrdinaryPathsAreKept) {
    for (const std::string path : {"/", "/login", "/acquisitions/12/responses/3",
                                   "/api/v1/vendor/answers/maintenance.stockage_dispositifs_etablissement",
                                   "/assets/app.css", "/invitations-help"})
        EXPECT_EQ(redact_path(path), path);
}
